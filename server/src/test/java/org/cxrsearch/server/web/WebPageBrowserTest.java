package org.cxrsearch.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cxrsearch.server.http.Json;
import org.cxrsearch.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless browser (Debian's chromium through chromium-driver): the sample
 * reports are indexed through the API, then searched, highlighted, opened, compared and filtered
 * with the mouse and with the keyboard. Screenshots of the main views go to
 * {@code target/screenshots/}.
 *
 * <p>Skipped only when chromium is not installed and {@code CI} is not set; on CI a missing browser
 * fails ({@code .ci/run} installs it).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebPageBrowserTest {

  static final String INDEX = "reports";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path data;
  static TestServer server;
  static WebDriver browser;
  static Map<String, JsonNode> reports;

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> chromium = onPath("chromium");
    Optional<Path> driver = onPath("chromedriver");
    if (chromium.isEmpty() || driver.isEmpty()) {
      String missing = "chromium and chromium-driver are needed for the web page's browser test"
          + " (apt-get install -y chromium chromium-driver); found chromium=" + chromium + ", chromedriver=" + driver;
      if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
        fail(missing + " (CI is set: the browser test must run)");
      }
      Assumptions.abort(missing + "; skipped because CI is not set");
    }
    server = TestServer.start(data);
    reports = indexSampleReports();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    // No background traffic: the page must work with this server as its only network peer.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,860", "--no-first-run", "--disable-extensions", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The sample reports through the bulk API, as any Elasticsearch client would send them. */
  static Map<String, JsonNode> indexSampleReports() throws Exception {
    Path file = Path.of(System.getProperty("cxr.testdata"), "reports", "sample_reports.jsonl");
    Map<String, JsonNode> byId = new HashMap<>();
    StringBuilder bulk = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(line);
      String id = doc.remove("id").asText();
      byId.put(id, doc);
      bulk.append("{\"index\":{\"_index\":\"").append(INDEX).append("\",\"_id\":\"").append(id).append("\"}}\n")
          .append(Json.MAPPER.writeValueAsString(doc)).append('\n');
    }
    TestServer.Reply created = server.send("PUT", "/" + INDEX, "{}");
    assertEquals(200, created.status(), created.body());
    TestServer.Reply indexed = server.send("POST", "/_bulk?refresh=true", bulk.toString());
    assertEquals(200, indexed.status(), indexed.body());
    assertFalse(indexed.json().get("errors").asBoolean(), indexed.body());
    return byId;
  }

  static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  @BeforeEach
  void openPage() {
    browser.get(server.url() + "/");
    await().until(d -> new Select(d.findElement(By.id("index"))).getOptions().stream()
        .anyMatch(o -> o.getAttribute("value").equals(INDEX)));
    // Other tests may add indexes: these tests search the sample reports.
    new Select(browser.findElement(By.id("index"))).selectByValue(INDEX);
    await().until(d -> d.findElement(By.id("status")).getText().contains("Type a query"));
  }

  static WebDriverWait await() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  static void screenshot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  static WebElement active() {
    return browser.switchTo().activeElement();
  }

  static void press(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  /** Types a query in the search box and waits for the answer. */
  static List<WebElement> search(String query) {
    WebElement q = browser.findElement(By.id("q"));
    q.clear();
    q.sendKeys(query, Keys.ENTER);
    return awaitResults();
  }

  static List<WebElement> awaitResults() {
    await().until(d -> {
      String status = d.findElement(By.id("status")).getText();
      return !status.endsWith("…") && !status.isEmpty();
    });
    assertFalse(browser.findElement(By.id("status")).getAttribute("class").contains("error"),
        browser.findElement(By.id("status")).getText());
    return browser.findElements(By.cssSelector("#results > li"));
  }

  /** Waits until the status line satisfies {@code test} (it is a live region: screen readers read it). */
  static void awaitStatus(java.util.function.Predicate<String> test) {
    await().until(d -> test.test(d.findElement(By.id("status")).getText()));
  }

  static String similarStatus(String id) {
    return browser.findElements(By.cssSelector("#results > li")).size() + " cases similar to " + id;
  }

  static List<String> ids(List<WebElement> hits) {
    return hits.stream().map(h -> h.findElement(By.className("hit-id")).getText()).toList();
  }

  /** The ids the API itself returns for a request, to compare the page against. */
  static List<String> apiIds(String method, String path, String body) throws Exception {
    TestServer.Reply r = server.send(method, path, body);
    assertEquals(200, r.status(), r.body());
    List<String> out = new ArrayList<>();
    r.json().at("/hits/hits").forEach(h -> out.add(h.get("_id").asText()));
    return out;
  }

  // ---- tests ----------------------------------------------------------------------------------

  @Test
  void keywordSearchHighlightsTheMatchedTermsAndListsWhatTheApiFinds() throws Exception {
    browser.findElement(By.cssSelector("input[name=mode][value=bm25]")).click();
    List<WebElement> hits = search("pleural effusion");
    assertFalse(hits.isEmpty());
    assertEquals(apiIds("POST", "/" + INDEX + "/_search", "{\"size\": 20, \"query\": {\"match\": {\"text\": \"pleural effusion\"}}}"),
        ids(hits));
    for (WebElement hit : hits) {
      List<WebElement> marks = hit.findElements(By.tagName("mark"));
      assertFalse(marks.isEmpty(), "no highlighted term in " + hit.getText());
      for (WebElement mark : marks) {
        String word = mark.getText().toLowerCase(Locale.ROOT);
        assertTrue(word.startsWith("pleura") || word.startsWith("effusion"), "marked: " + word);
      }
      String id = hit.findElement(By.className("hit-id")).getText();
      String date = reports.get(id).get("study_date").asText();
      assertEquals(date, hit.findElement(By.className("hit-date")).getText());
    }
    assertTrue(browser.findElement(By.id("status")).getText().contains("bm25"));
    screenshot("results");
    // Offline: everything the page loaded came from this server.
    @SuppressWarnings("unchecked")
    List<String> loaded = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name);");
    assertFalse(loaded.isEmpty());
    for (String url : loaded) {
      assertTrue(url.startsWith(server.url() + "/"), "loaded from elsewhere: " + url);
    }
  }

  @Test
  void moreResultsContinueTheListAsTheApiPagesIt() throws Exception {
    for (String mode : List.of("bm25", "hybrid")) {
      browser.findElement(By.cssSelector("input[name=mode][value=" + mode + "]")).click();
      List<WebElement> first = search("pleural effusion");
      assertEquals(20, first.size(), mode);
      WebElement more = browser.findElement(By.id("more"));
      assertTrue(more.isDisplayed(), mode + ": more than 20 reports mention effusion");
      more.click();
      await().until(d -> d.findElements(By.cssSelector("#results > li")).size() > 20);
      List<WebElement> all = awaitResults();
      String body = mode.equals("bm25")
          ? "{\"size\": 40, \"query\": {\"match\": {\"text\": \"pleural effusion\"}}}"
          : "{\"size\": 40, \"retriever\": {\"rrf\": {\"rank_window_size\": 100, \"retrievers\": ["
              + "{\"standard\": {\"query\": {\"match\": {\"text\": \"pleural effusion\"}}}},"
              + "{\"knn\": {\"field\": \"vector\", \"k\": 100, \"num_candidates\": 100,"
              + " \"query_vector_builder\": {\"text_embedding\": {\"model_text\": \"pleural effusion\"}}}}]}}}";
      TestServer.Reply api = server.send("POST", "/" + INDEX + "/_search", body);
      List<String> expected = new ArrayList<>();
      api.json().at("/hits/hits").forEach(h -> expected.add(h.get("_id").asText()));
      assertEquals(expected, ids(all), mode);
      assertEquals("hit-20", active().getAttribute("id"), "the first new hit takes the focus");
      // bm25: 22 reports match, all listed now; hybrid: knn ranks every report, 40 of them listed.
      assertEquals(api.json().at("/hits/total/value").asInt() > all.size(), browser.findElement(By.id("more")).isDisplayed(),
          mode + ": more is offered while reports are left");
    }
  }

  @Test
  void reportTextIsShownAsTextNeverAsMarkup() throws Exception {
    String hostile = "<b>Bold</b> small effusion <img src=x onerror=\"window.injected=1\"><script>window.injected=2</script>";
    assertEquals(201, server.send("PUT", "/hostile/_doc/XSS-1?refresh=true",
        Json.MAPPER.writeValueAsString(Map.of("findings", hostile, "impression", "Effusion <i>noted</i>."))).status());
    browser.navigate().refresh();
    await().until(d -> new Select(d.findElement(By.id("index"))).getOptions().size() == 2);
    new Select(browser.findElement(By.id("index"))).selectByValue("hostile");
    browser.findElement(By.cssSelector("input[name=mode][value=bm25]")).click();
    List<WebElement> hits = search("effusion");
    assertEquals(List.of("XSS-1"), ids(hits));
    hits.get(0).findElement(By.className("open")).click();
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
    String shown = browser.findElement(By.id("report-body")).getText();
    assertTrue(shown.contains("<b>Bold</b> small effusion <img src=x"), shown);
    assertTrue(shown.contains("<i>noted</i>"), shown);
    assertEquals(List.of(), browser.findElements(By.cssSelector("#report-body b, #report-body img, #report-body script,"
        + " #results img, #results b, #results i")));
    assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.injected === undefined ? null : window.injected;"));
    assertFalse(browser.findElements(By.cssSelector("#report-body mark")).isEmpty(), "the matched word is still marked");
    assertEquals(200, server.send("DELETE", "/hostile", null).status());
  }

  @Test
  void everyControlHasALabel() {
    @SuppressWarnings("unchecked")
    List<String> unlabelled = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return [...document.querySelectorAll('input, select, button')]"
        + ".filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())"
        + ".map(el => el.outerHTML);");
    assertEquals(List.of(), unlabelled);
    assertEquals("listbox", browser.findElement(By.id("results")).getAttribute("role"));
    assertEquals("search", browser.findElement(By.id("search-form")).getAttribute("role"));
    assertEquals("polite", browser.findElement(By.id("status")).getAttribute("aria-live"));
  }

  @Test
  void aReportOpensWithItsSectionsAndClosesWithEscape() throws Exception {
    List<WebElement> hits = search("cardiomegaly");
    String id = ids(hits).get(0);
    hits.get(0).findElement(By.className("open")).click();
    WebElement report = browser.findElement(By.id("report"));
    await().until(ExpectedConditions.visibilityOf(report));
    assertEquals(id, browser.findElement(By.id("report-title")).getText());
    assertEquals("dialog", report.getAttribute("role"));
    String body = browser.findElement(By.id("report-body")).getText();
    JsonNode source = reports.get(id);
    assertTrue(body.contains(source.get("findings").asText()), body);
    assertTrue(body.contains(source.get("impression").asText()), body);
    assertTrue(browser.findElement(By.id("report-meta")).getText().contains(source.get("patient_id").asText()));
    assertFalse(report.findElements(By.tagName("mark")).isEmpty(), "the query's terms are marked in the report");
    screenshot("report");
    press(Keys.ESCAPE);
    await().until(ExpectedConditions.invisibilityOf(report));
    assertEquals("hit-0", active().getAttribute("id"), "focus returns to the hit");
  }

  @Test
  void similarCasesOfAHitAreTheApisSimilarCases() throws Exception {
    List<WebElement> hits = search("endotracheal tube");
    String id = ids(hits).get(0);
    hits.get(0).findElement(By.className("similar")).click();
    awaitStatus(similar -> similar.equals(similarStatus(id)));
    List<WebElement> similar = browser.findElements(By.cssSelector("#results > li"));
    assertFalse(similar.isEmpty());
    assertEquals(apiIds("GET", "/" + INDEX + "/_cxr/similar/" + id + "?k=20", null), ids(similar));
    assertFalse(ids(similar).contains(id), "a case is not similar to itself");
    assertEquals("Cases similar to " + id, browser.findElement(By.id("results")).getAttribute("aria-label"));
    screenshot("similar");
  }

  @Test
  void theKeyboardAloneSearchesMovesOpensClosesAndFindsSimilarCases() throws Exception {
    browser.findElement(By.tagName("body")).click();
    press("/");
    assertEquals("q", active().getAttribute("id"), "/ focuses the search box");
    press("pneumothorax", Keys.ENTER);
    List<WebElement> hits = awaitResults();
    List<String> found = ids(hits);
    assertTrue(found.size() >= 2, "need two hits, got " + found);
    press(Keys.ARROW_DOWN);
    assertEquals("hit-0", active().getAttribute("id"));
    press(Keys.ARROW_DOWN);
    assertEquals("hit-1", active().getAttribute("id"));
    assertEquals("true", active().getAttribute("aria-selected"));
    assertEquals("false", browser.findElement(By.id("hit-0")).getAttribute("aria-selected"));
    press(Keys.ARROW_UP, Keys.ARROW_DOWN, Keys.ENTER);
    String second = found.get(1);
    await().until(ExpectedConditions.visibilityOfElementLocated(By.id("report")));
    assertEquals(second, browser.findElement(By.id("report-title")).getText());
    press(Keys.ESCAPE);
    await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("report")));
    assertEquals("hit-1", active().getAttribute("id"));
    press("s");
    awaitStatus(status -> status.equals(similarStatus(second)));
    assertEquals("hit-0", active().getAttribute("id"), "the similar cases take the focus");
    press(Keys.ESCAPE);
    awaitStatus(status -> !status.contains("similar"));
    assertEquals(found, ids(browser.findElements(By.cssSelector("#results > li"))), "back to the search results");
    assertEquals("hit-1", active().getAttribute("id"), "on the hit the similar cases came from");
    press("/");
    assertEquals("q", active().getAttribute("id"));
  }

  @Test
  void modesAndFiltersNarrowTheResults() throws Exception {
    for (String mode : List.of("knn", "hybrid")) {
      browser.findElement(By.cssSelector("input[name=mode][value=" + mode + "]")).click();
      List<WebElement> hits = search("fluid around the lung");
      assertFalse(hits.isEmpty(), mode);
      assertTrue(browser.findElement(By.id("status")).getText().contains(mode));
    }
    browser.findElement(By.id("patient")).sendKeys("P0020", Keys.ENTER);
    List<WebElement> hits = awaitResults();
    List<String> expected = reports.entrySet().stream().filter(e -> e.getValue().get("patient_id").asText().equals("P0020"))
        .map(Map.Entry::getKey).sorted().toList();
    assertEquals(expected, ids(hits).stream().sorted().toList(), "every report of P0020, and only those");
    screenshot("filtered");

    // A metadata filter alone, without a query, lists every report that has the value.
    browser.findElement(By.id("clear-filters")).click();
    awaitResults();
    browser.findElement(By.id("q")).clear();
    new Select(browser.findElement(By.id("meta-field"))).selectByValue("view");
    browser.findElement(By.id("meta-value")).sendKeys("AP portable", Keys.ENTER);
    hits = awaitResults();
    expected = reports.entrySet().stream().filter(e -> e.getValue().path("view").asText().equals("AP portable"))
        .map(Map.Entry::getKey).sorted().toList();
    assertEquals(expected, ids(hits).stream().sorted().toList());

    browser.findElement(By.id("clear-filters")).click();
    setDate("date-from", "2023-02-01");
    setDate("date-to", "2023-03-31");
    hits = awaitResults();
    assertFalse(hits.isEmpty());
    for (WebElement hit : hits) {
      LocalDate date = LocalDate.parse(hit.findElement(By.className("hit-date")).getText());
      assertFalse(date.isBefore(LocalDate.of(2023, 2, 1)) || date.isAfter(LocalDate.of(2023, 3, 31)), date.toString());
    }
  }

  @Test
  void theAddressHoldsTheSearch() {
    browser.get(server.url() + "/#index=" + INDEX + "&mode=bm25&q=pneumothorax");
    List<WebElement> hits = awaitResults();
    assertFalse(hits.isEmpty());
    assertTrue(browser.findElement(By.cssSelector("input[name=mode][value=bm25]")).isSelected());
    assertEquals("pneumothorax", browser.findElement(By.id("q")).getAttribute("value"));
    hits.forEach(h -> assertFalse(h.findElements(By.tagName("mark")).isEmpty(), h.getText()));
    search("cardiomegaly");
    assertTrue(browser.getCurrentUrl().endsWith("#index=reports&mode=bm25&q=cardiomegaly"), browser.getCurrentUrl());
  }

  /** Sets a date input the way its change event expects (typing into it is locale-dependent). */
  static void setDate(String id, String isoDate) {
    ((JavascriptExecutor) browser).executeScript("const el = document.getElementById(arguments[0]);"
        + " el.value = arguments[1]; el.dispatchEvent(new Event('change'));", id, isoDate);
  }
}
