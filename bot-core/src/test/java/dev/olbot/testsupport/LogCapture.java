package dev.olbot.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what a logger (and its children) writes, for assertions on log lines; close to detach. */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.previous = logger.getLevel();
        logger.setLevel(level);
        appender.start();
        logger.addAppender(appender);
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName, Level.INFO);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Every line as it would be written: the formatted message, then the stack trace's lines. */
    public List<String> lines() {
        return events().stream().flatMap(e -> {
            java.util.stream.Stream<String> msg = e.getFormattedMessage().lines();
            return e.getThrowableProxy() == null ? msg
                    : java.util.stream.Stream.concat(msg, java.util.Arrays.stream(e.getThrowableProxy().getStackTraceElementProxyArray())
                            .map(Object::toString));
        }).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
