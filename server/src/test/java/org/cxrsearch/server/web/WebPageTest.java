package org.cxrsearch.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the page is served (the browser test drives what it does). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebPageTest {

  static final String CHROME_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  @TempDir Path data;

  @Test
  void browsersGetThePageOtherClientsTheClusterInfo() throws Exception {
    try (TestServer s = TestServer.start(data)) {
      TestServer.Reply page = s.get("/", "Accept", CHROME_ACCEPT);
      assertEquals(200, page.status());
      assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
      assertTrue(page.body().contains("<input id=\"q\""), page.body());
      TestServer.Reply json = s.get("/", "Accept", "application/json");
      assertEquals("cxrsearch", json.json().get("cluster_name").asText());
      assertEquals("cxrsearch", s.get("/").json().get("cluster_name").asText());
    }
  }

  @Test
  void everyAssetThePageNamesIsServedAndNothingIsLoadedFromElsewhere() throws Exception {
    try (TestServer s = TestServer.start(data)) {
      String html = s.get("/", "Accept", CHROME_ACCEPT).body();
      Matcher refs = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
      int count = 0;
      while (refs.find()) {
        String ref = refs.group(1);
        assertTrue(ref.startsWith("/_cxr/web/"), "the page must load only its own assets: " + ref);
        TestServer.Reply asset = s.get(ref);
        assertEquals(200, asset.status(), ref);
        String body = asset.body().replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(body.contains("http://") || body.contains("https://"), ref + " names a remote URL");
        count++;
      }
      assertEquals(3, count, "app.css, favicon.svg, app.js");
      TestServer.Reply js = s.get("/_cxr/web/app.js");
      assertTrue(js.header("Content-Type").startsWith("text/javascript"));
      assertTrue(js.header("Content-Security-Policy").contains("default-src 'none'"));
      assertTrue(js.header("Content-Security-Policy").contains("connect-src 'self'"));
      assertEquals("nosniff", js.header("X-Content-Type-Options"));
    }
  }

  @Test
  void etagRevalidatesAndUnknownAssetsAre404() throws Exception {
    try (TestServer s = TestServer.start(data)) {
      TestServer.Reply css = s.get("/_cxr/web/app.css");
      String etag = css.header("ETag");
      assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
      TestServer.Reply again = s.get("/_cxr/web/app.css", "If-None-Match", etag);
      assertEquals(304, again.status());
      assertEquals("", again.body());
      TestServer.Reply missing = s.get("/_cxr/web/server.properties");
      assertEquals(404, missing.status());
      // Only the listed assets exist: a path that climbs out is refused (by Jetty's URI rules or by us).
      assertTrue(s.get("/_cxr/web/..%2F..%2Fpom.xml").status() >= 400);
      assertEquals("resource_not_found_exception", missing.json().at("/error/type").asText(), missing.body());
    }
  }
}
