// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * A brand report read from Elasticsearch and written as one HTML file: the same for {@code
 * scripts/hark report} and the metrics job's scheduled reports.
 */
public final class ReportFile {
    private ReportFile() {}

    /**
     * Reads the report of {@code spec}, renders it and writes it to {@code out}, replacing what was
     * there: readers see the old file or the new one, never a part of it.
     */
    public static BrandReport write(
            ElasticsearchJson elasticsearch, ReportSpec spec, Path out, Clock clock)
            throws IOException {
        BrandReport report = BrandReports.read(elasticsearch, spec, clock);
        write(report, spec, out);
        return report;
    }

    /** Renders {@code report}, read for {@code spec}, and writes it to {@code out} atomically. */
    public static void write(BrandReport report, ReportSpec spec, Path out) throws IOException {
        writeAtomically(out, ReportHtml.render(report, spec.selection(), ChartLibrary.echarts()));
    }

    /**
     * Writes {@code text} to a temporary file next to {@code out}, then renames it: a crash leaves
     * at most a hidden temporary file, and a re-run overwrites.
     */
    static void writeAtomically(Path out, String text) throws IOException {
        Path target = out.toAbsolutePath();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(
                        temporary,
                        target,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
