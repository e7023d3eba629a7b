// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.jobs.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Everything logged at INFO and above while it is open, with stack traces, from every logger
 * (Flink, the Kafka clients, the Elasticsearch client, Hark). The console keeps its usual WARN
 * level, so the build output does not drown in INFO lines.
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Level rootLevel;

    private LogCapture() {
        super("hark-log-capture", null, null, true, Property.EMPTY_ARRAY);
        Configuration config = context.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        rootLevel = root.getLevel();
        root.getAppenders().values().forEach(appender -> moveToLevel(root, appender, rootLevel));
        start();
        root.addAppender(this, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
    }

    static LogCapture open() {
        return new LogCapture();
    }

    @Override
    public void append(LogEvent event) {
        StringWriter line =
                new StringWriter()
                        .append(event.getLoggerName())
                        .append(" - ")
                        .append(event.getMessage().getFormattedMessage())
                        .append('\n');
        if (event.getThrown() != null) {
            event.getThrown().printStackTrace(new PrintWriter(line));
        }
        lines.add(line.toString());
    }

    String text() {
        return String.join("", lines);
    }

    @Override
    public void close() {
        LoggerConfig root = context.getConfiguration().getRootLogger();
        root.removeAppender(getName());
        root.setLevel(rootLevel);
        root.getAppenders().values().forEach(appender -> moveToLevel(root, appender, Level.ALL));
        context.updateLoggers();
        stop();
    }

    /** An appender reference's level is fixed once added, so the reference is added anew. */
    private static void moveToLevel(LoggerConfig root, Appender appender, Level level) {
        root.removeAppender(appender.getName());
        root.addAppender(appender, level, null);
    }
}
