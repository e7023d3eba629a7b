// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Apache ECharts' minified build (line and bar charts, SVG renderer), read from its WebJar on the
 * classpath, so a report embeds it and opens without network access.
 */
public final class ChartLibrary {
    static final String RESOURCE =
            "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js";

    private ChartLibrary() {}

    public static String echarts() {
        try (InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE
                                + " is not on the classpath: the org.webjars.npm:echarts dependency is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
