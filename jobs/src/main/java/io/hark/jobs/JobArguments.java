// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs;

import io.hark.jobs.elasticsearch.ElasticsearchConnection;
import io.hark.jobs.elasticsearch.ElasticsearchSinkOptions;
import io.hark.jobs.kafka.KafkaConnection;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A job's {@code --name value} arguments, checked against its list of {@link Option}s and read as
 * typed values through them. Every value is checked when the arguments are parsed, so a bad one
 * fails before a job is built. Secrets are read from files or the environment ({@code
 * HARK_ES_PASSWORD}, {@code HARK_ES_API_KEY}), never from the command line.
 */
public final class JobArguments implements Serializable {
    public static final Option<String> BOOTSTRAP =
            Option.string(
                    "bootstrap",
                    "localhost:9092",
                    "Kafka bootstrap servers, HOST:PORT[,HOST:PORT...]");
    public static final Option<Path> KAFKA_CONFIG =
            Option.path(
                    "kafka-config",
                    null,
                    "Java properties file of Kafka "
                            + "client settings, e.g. security.protocol=SASL_SSL, sasl.mechanism=SCRAM-SHA-512, sasl.jaas.config, "
                            + "ssl.truststore.*, ssl.keystore.* (mutual TLS); read where the job is built, but files it names (stores) must "
                            + "exist where its tasks run");
    public static final Option<String> ES =
            Option.string(
                    "es",
                    "http://localhost:9200",
                    "Elasticsearch URL(s), comma-separated; https for TLS");
    public static final Option<Path> ES_CA_CERT =
            Option.path(
                    "es-ca-cert",
                    null,
                    "PEM file of the CA that signed Elasticsearch's certificate (trusted instead of Java's default CAs)");
    public static final Option<String> ES_USER =
            Option.string(
                    "es-user",
                    null,
                    "Elasticsearch user for basic auth (password: --es-password-file or HARK_ES_PASSWORD)");
    public static final Option<Path> ES_PASSWORD_FILE =
            Option.path("es-password-file", null, "file holding the Elasticsearch password");
    public static final Option<Path> ES_API_KEY_FILE =
            Option.path(
                    "es-api-key-file",
                    null,
                    "file holding an Elasticsearch API key, the encoded form (or HARK_ES_API_KEY); wins over --es-user");

    /** How to reach Kafka and Elasticsearch: every job has these. */
    public static final List<Option<?>> CONNECTION_OPTIONS =
            List.of(
                    BOOTSTRAP,
                    KAFKA_CONFIG,
                    ES,
                    ES_CA_CERT,
                    ES_USER,
                    ES_PASSWORD_FILE,
                    ES_API_KEY_FILE);

    public static final Option<Integer> ES_BATCH_SIZE =
            Option.positive("es-batch-size", "500", "documents per bulk request");
    public static final Option<Integer> ES_MAX_IN_FLIGHT =
            Option.positive(
                    "es-max-in-flight",
                    "4",
                    "concurrent bulk requests per mention sink writer (window and alert documents, updated in place, always go one request at a time)");
    public static final Option<Integer> ES_MAX_BUFFERED =
            Option.positive(
                    "es-max-buffered",
                    "10000",
                    "documents buffered per sink writer before backpressure");
    public static final Option<Duration> ES_FLUSH_INTERVAL =
            Option.duration(
                    "es-flush-interval",
                    "1s",
                    "longest time a document waits for its bulk request");
    public static final Option<Duration> ES_MAX_BACKOFF =
            Option.duration(
                    "es-max-backoff",
                    "30s",
                    "longest wait between retries while Elasticsearch is unavailable");

    /** How a job's Elasticsearch sink batches and retries. */
    public static final List<Option<?>> SINK_OPTIONS =
            List.of(
                    ES_BATCH_SIZE,
                    ES_MAX_IN_FLIGHT,
                    ES_MAX_BUFFERED,
                    ES_FLUSH_INTERVAL,
                    ES_MAX_BACKOFF);

    /** Option name to its text, defaults filled in. */
    private final HashMap<String, String> values;

    /**
     * Read only while the job is built: it may hold secrets, which must not travel with the
     * options.
     */
    private final transient Map<String, String> environment;

    private JobArguments(HashMap<String, String> values, Map<String, String> environment) {
        this.values = values;
        this.environment = environment;
    }

    /** The options of a job: its own between the connection and the sink options. */
    public static List<Option<?>> table(List<Option<?>> own) {
        List<Option<?>> all = new ArrayList<>(CONNECTION_OPTIONS);
        all.addAll(own);
        all.addAll(SINK_OPTIONS);
        return List.copyOf(all);
    }

    /**
     * Parses {@code --name value} and {@code --name=value} pairs against {@code options} and checks
     * every value; a {@link Option#flag flag} given alone means {@code true}.
     */
    public static JobArguments parse(
            List<Option<?>> options,
            List<String> args,
            Map<String, String> environment,
            String usage) {
        Map<String, Option<?>> byName = new HashMap<>();
        HashMap<String, String> values = new HashMap<>();
        for (Option<?> option : options) {
            byName.put(option.name(), option);
            if (option.defaultValue() != null) {
                values.put(option.name(), option.defaultValue());
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(
                        "unexpected argument '" + arg + "': options look like --name value");
            }
            int equals = arg.indexOf('=');
            String name = equals >= 0 ? arg.substring(2, equals) : arg.substring(2);
            String value = equals >= 0 ? arg.substring(equals + 1) : null;
            Option<?> option = byName.get(name);
            if (option == null) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage);
            }
            if (value == null) {
                if (option.flag() && (i + 1 == args.size() || args.get(i + 1).startsWith("--"))) {
                    value = "true";
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
            }
            values.put(name, value);
        }
        options.forEach(option -> option.read(values.get(option.name())));
        return new JobArguments(values, environment);
    }

    public static String usage(String title, List<Option<?>> options) {
        StringBuilder text = new StringBuilder(title).append(":\n");
        for (Option<?> option : options) {
            text.append(
                    String.format(
                            "  --%-22s %s%s%n",
                            option.name(),
                            option.description(),
                            option.defaultValue() == null
                                    ? ""
                                    : " (default: " + option.defaultValue() + ")"));
        }
        return text.toString();
    }

    /** The option's value, or null when it has none. */
    public <T> T get(Option<T> option) {
        return option.read(values.get(option.name()));
    }

    /** The option's text as given or defaulted, or null. */
    public String text(Option<?> option) {
        return values.get(option.name());
    }

    public KafkaConnection kafka() {
        return kafka(get(BOOTSTRAP), get(KAFKA_CONFIG));
    }

    /**
     * For commands with their own option parsing: {@code --bootstrap} and {@code --kafka-config}
     * (or null).
     */
    public static KafkaConnection kafka(String bootstrap, Path kafkaConfig) {
        return new KafkaConnection(bootstrap, kafkaConfig(kafkaConfig));
    }

    public ElasticsearchConnection elasticsearch() {
        ElasticsearchConnection connection = ElasticsearchConnection.of(get(ES));
        Path caCertificate = get(ES_CA_CERT);
        if (caCertificate != null) {
            connection = connection.withCaCertificate(readCaCertificate(caCertificate));
        }
        String apiKey = secret(get(ES_API_KEY_FILE), environment.get("HARK_ES_API_KEY"));
        if (apiKey != null) {
            return connection.withApiKey(apiKey);
        }
        String user = get(ES_USER);
        if (user != null) {
            String password = secret(get(ES_PASSWORD_FILE), environment.get("HARK_ES_PASSWORD"));
            if (password == null) {
                throw new IllegalArgumentException(
                        "--es-user needs a password: --es-password-file FILE or HARK_ES_PASSWORD");
            }
            return connection.withBasicAuth(user, password);
        }
        return connection;
    }

    public ElasticsearchSinkOptions sinkOptions() {
        return new ElasticsearchSinkOptions(
                get(ES_BATCH_SIZE),
                5L << 20,
                get(ES_MAX_IN_FLIGHT),
                get(ES_MAX_BUFFERED),
                get(ES_FLUSH_INTERVAL),
                get(ES_MAX_BACKOFF));
    }

    private static String secret(Path file, String fromEnvironment) {
        if (file != null) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read secret file " + file + ": " + e.getMessage());
            }
        }
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? null
                : fromEnvironment.strip();
    }

    private static String readCaCertificate(Path file) {
        try {
            String pem = Files.readString(file);
            if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new IllegalArgumentException(
                        "--es-ca-cert "
                                + file
                                + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            return pem;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read --es-ca-cert " + file + ": " + e.getMessage());
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
            throw new IllegalArgumentException(
                    "cannot read Kafka config file " + file + ": " + e.getMessage());
        }
        properties
                .stringPropertyNames()
                .forEach(name -> config.put(name, properties.getProperty(name)));
        return config;
    }
}
