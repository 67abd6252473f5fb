package org.cxrsearch.opensearch.codec;

import org.apache.lucene.codecs.Codec;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.index.codec.CodecService;
import org.opensearch.index.codec.CodecServiceConfig;
import org.opensearch.index.mapper.MapperService;

/**
 * The codec service of indexes with {@link #ENABLED}: every codec OpenSearch would pick (by the
 * {@code index.codec} setting) is wrapped in a {@link CxrOpenSearchCodec}, which writes
 * {@code cxr_vector} fields with the project's high-dimension vectors format and leaves everything
 * else to OpenSearch's codec.
 *
 * <p>Opt-in per index because a plugin's codec service replaces OpenSearch's for the whole index,
 * and only one plugin may supply one: indexes without vectors should not depend on this plugin.
 */
public final class CxrCodecService extends CodecService {

  /** {@code index.cxrsearch.enabled}: the index may hold {@code cxr_vector} fields. Fixed at creation. */
  public static final Setting<Boolean> ENABLED =
      Setting.boolSetting("index.cxrsearch.enabled", false, Property.IndexScope, Property.Final);

  private final MapperService mapperService;

  public CxrCodecService(CodecServiceConfig config) {
    super(config.getMapperService(), config.getIndexSettings(), config.getLogger(), config.getAdditionalCodecs());
    this.mapperService = config.getMapperService();
  }

  @Override
  public Codec codec(String name) {
    Codec codec = super.codec(name);
    // Without a mapper service (tools that only read) there are no field types to consult; reading
    // finds every per-field format by the name the segment recorded anyway.
    return mapperService == null ? codec : new CxrOpenSearchCodec(codec, mapperService);
  }
}
