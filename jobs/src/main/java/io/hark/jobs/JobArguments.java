// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import io.hark.analytics.Durations;
import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.ElasticsearchSinkOptions;
import io.hark.jobs.kafka.KafkaConnection;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A job's {@code --name value} arguments, checked against its table of options and read as typed
 * values with errors that name the option. Each job's options class lists its options (name,
 * default or null, description) and reads them through this. Secrets are read from files or the
 * environment ({@code HARK_ES_PASSWORD}, {@code HARK_ES_API_KEY}), never from the command line.
 */
public final class JobArguments {
  /** How to reach Kafka and Elasticsearch: every job has these. */
  public static final List<String[]> CONNECTION_OPTIONS = List.of(
      new String[] {"bootstrap", "localhost:9092", "Kafka bootstrap servers, HOST:PORT[,HOST:PORT...]"},
      new String[] {"kafka-config", null, "Java properties file of Kafka client settings, e.g. security.protocol=SASL_SSL, "
          + "sasl.mechanism=SCRAM-SHA-512, sasl.jaas.config, ssl.truststore.*, ssl.keystore.* (mutual TLS); read where "
          + "the job is built, but files it names (stores) must exist where its tasks run"},
      new String[] {"es", "http://localhost:9200", "Elasticsearch URL(s), comma-separated; https for TLS"},
      new String[] {"es-ca-cert", null, "PEM file of the CA that signed Elasticsearch's certificate (trusted instead of "
          + "Java's default CAs)"},
      new String[] {"es-user", null, "Elasticsearch user for basic auth (password: --es-password-file or HARK_ES_PASSWORD)"},
      new String[] {"es-password-file", null, "file holding the Elasticsearch password"},
      new String[] {"es-api-key-file", null, "file holding an Elasticsearch API key, the encoded form (or HARK_ES_API_KEY); "
          + "wins over --es-user"});

  /** How a job's Elasticsearch sink batches and retries. */
  public static final List<String[]> SINK_OPTIONS = List.of(
      new String[] {"es-batch-size", "500", "documents per bulk request"},
      new String[] {"es-max-in-flight", "4", "concurrent bulk requests per sink writer"},
      new String[] {"es-max-buffered", "10000", "documents buffered per sink writer before backpressure"},
      new String[] {"es-flush-interval", "1s", "longest time a document waits for its bulk request"},
      new String[] {"es-max-backoff", "30s", "longest wait between retries while Elasticsearch is unavailable"});

  private final Map<String, String> values;
  private final Map<String, String> environment;

  private JobArguments(Map<String, String> values, Map<String, String> environment) {
    this.values = values;
    this.environment = environment;
  }

  /** The options of a job: its own between the connection and the sink options. */
  public static List<String[]> table(List<String[]> own) {
    List<String[]> all = new ArrayList<>(CONNECTION_OPTIONS);
    all.addAll(own);
    all.addAll(SINK_OPTIONS);
    return List.copyOf(all);
  }

  /**
   * Parses {@code --name value} and {@code --name=value} pairs against {@code options}; a name in
   * {@code flags} given alone means {@code true}.
   */
  public static JobArguments parse(List<String[]> options, List<String> flags, List<String> args,
      Map<String, String> environment, String usage) {
    Map<String, String> values = new HashMap<>();
    for (String[] option : options) {
      if (option[1] != null) {
        values.put(option[0], option[1]);
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "': options look like --name value");
      }
      int equals = arg.indexOf('=');
      String name = equals >= 0 ? arg.substring(2, equals) : arg.substring(2);
      String value = equals >= 0 ? arg.substring(equals + 1) : null;
      if (options.stream().noneMatch(option -> option[0].equals(name))) {
        throw new IllegalArgumentException("unknown option --" + name + "\n" + usage);
      }
      if (value == null) {
        boolean flag = flags.contains(name) && (i + 1 == args.size() || args.get(i + 1).startsWith("--"));
        if (flag) {
          value = "true";
        } else if (i + 1 < args.size()) {
          value = args.get(++i);
        } else {
          throw new IllegalArgumentException("option --" + name + " needs a value");
        }
      }
      values.put(name, value);
    }
    return new JobArguments(values, environment);
  }

  public static String usage(String title, List<String[]> options) {
    StringBuilder text = new StringBuilder(title).append(":\n");
    for (String[] option : options) {
      text.append(String.format("  --%-22s %s%s%n", option[0], option[2],
          option[1] == null ? "" : " (default: " + option[1] + ")"));
    }
    return text.toString();
  }

  public String string(String name) {
    return values.get(name);
  }

  public Path path(String name) {
    return values.get(name) == null ? null : Path.of(values.get(name));
  }

  public int positive(String name) {
    String value = values.get(name);
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + name + " must be a positive whole number, not '" + value + "'");
  }

  /** A positive whole number, or null when the option has no value. */
  public Integer optionalPositive(String name) {
    return values.get(name) == null ? null : positive(name);
  }

  public Duration duration(String name) {
    try {
      return Durations.parse(values.get(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": " + e.getMessage());
    }
  }

  public boolean bool(String name) {
    String value = values.get(name);
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException("--" + name + " must be true or false, not '" + value + "'");
  }

  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String value = values.get(name);
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + " must be one of "
          + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", not '" + value + "'");
    }
  }

  public KafkaConnection kafka() {
    return kafka(values.get("bootstrap"), path("kafka-config"));
  }

  /** For commands with their own option parsing: {@code --bootstrap} and {@code --kafka-config} (or null). */
  public static KafkaConnection kafka(String bootstrap, Path kafkaConfig) {
    return new KafkaConnection(bootstrap, kafkaConfig(kafkaConfig));
  }

  public ElasticsearchConnection elasticsearch() {
    ElasticsearchConnection connection = ElasticsearchConnection.of(values.get("es"));
    String caCertificate = values.get("es-ca-cert");
    if (caCertificate != null) {
      connection = connection.withCaCertificate(readCaCertificate(caCertificate));
    }
    String apiKey = secret(values.get("es-api-key-file"), environment.get("HARK_ES_API_KEY"));
    if (apiKey != null) {
      return connection.withApiKey(apiKey);
    }
    String user = values.get("es-user");
    if (user != null) {
      String password = secret(values.get("es-password-file"), environment.get("HARK_ES_PASSWORD"));
      if (password == null) {
        throw new IllegalArgumentException("--es-user needs a password: --es-password-file FILE or HARK_ES_PASSWORD");
      }
      return connection.withBasicAuth(user, password);
    }
    return connection;
  }

  public ElasticsearchSinkOptions sinkOptions() {
    return new ElasticsearchSinkOptions(positive("es-batch-size"), 5L << 20, positive("es-max-in-flight"),
        positive("es-max-buffered"), duration("es-flush-interval"), duration("es-max-backoff"));
  }

  public Map<String, String> environment() {
    return environment;
  }

  private static String secret(String file, String fromEnvironment) {
    if (file != null) {
      try {
        return Files.readString(Path.of(file)).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read secret file " + file + ": " + e.getMessage());
      }
    }
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
  }

  private static String readCaCertificate(String file) {
    try {
      String pem = Files.readString(Path.of(file));
      if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
        throw new IllegalArgumentException("--es-ca-cert " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
      }
      return pem;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read --es-ca-cert " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, String> kafkaConfig(Path file) {
    Map<String, String> config = new LinkedHashMap<>();
    if (file == null) {
      return config;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read Kafka config file " + file + ": " + e.getMessage());
    }
    properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
    return config;
  }
}
