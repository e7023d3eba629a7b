// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.analytics.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a notifier entry says its secret is: {@code <name>_env} (an environment variable), {@code
 * <name>_file} (a file, such as a mounted Docker or Kubernetes secret) or, where the value is
 * allowed in the file, {@code <name>} itself.
 *
 * @param key the entry's key, such as {@code url_env}
 * @param value the variable's name, the file's path, or the value itself for the bare name
 */
record SecretReference(String key, String value) {
    private static final String ENV = "_env";
    private static final String FILE = "_file";

    /** Every key a reference under {@code name} may use. */
    static List<String> keys(String name) {
        return List.of(name, name + ENV, name + FILE);
    }

    /**
     * The one reference under {@code name} in {@code entry}; {@code where} names the entry in
     * errors.
     */
    static SecretReference find(JsonNode entry, String name, boolean valueAllowed, String where) {
        List<String> allowed = valueAllowed ? keys(name) : List.of(name + ENV, name + FILE);
        String choices = String.join(" or ", allowed);
        if (!valueAllowed && entry.hasNonNull(name)) {
            throw new NotifierConfigException(
                    where
                            + ": '"
                            + name
                            + "' is a secret, so it cannot be written in this file; give "
                            + choices);
        }
        List<String> present = allowed.stream().filter(entry::hasNonNull).toList();
        if (present.size() != 1) {
            throw new NotifierConfigException(where + ": give exactly one of " + choices);
        }
        String key = present.get(0);
        JsonNode value = entry.get(key);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new NotifierConfigException(
                    where + ": '" + key + "' must be a non-empty single value");
        }
        return new SecretReference(key, value.asText());
    }

    Secret resolve(Map<String, String> environment, String where) {
        if (key.endsWith(ENV)) {
            return nonEmpty(
                    environment.get(value), where, "the environment variable is not set or empty");
        }
        if (key.endsWith(FILE)) {
            try {
                return nonEmpty(Files.readString(Path.of(value)), where, "the file is empty");
            } catch (IOException e) {
                throw new NotifierConfigException(
                        where
                                + ": "
                                + this
                                + ": cannot read the file ("
                                + e.getClass().getSimpleName()
                                + ")",
                        e);
            }
        }
        return Secret.of(value);
    }

    private Secret nonEmpty(String secret, String where, String problem) {
        if (secret == null || secret.isBlank()) {
            throw new NotifierConfigException(where + ": " + this + ": " + problem);
        }
        // files written by editors and `echo` end with a newline that is not part of the secret
        return Secret.of(secret.strip());
    }

    /** The key and, unless the value is the secret itself, where it points. */
    @Override
    public String toString() {
        return key.endsWith(ENV) || key.endsWith(FILE) ? key + " " + value : key;
    }
}
