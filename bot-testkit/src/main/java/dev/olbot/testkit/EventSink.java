package dev.olbot.testkit;

import java.util.concurrent.CompletionStage;

/** An in-process event handler: takes the form body the platform would POST, answers an HTTP status. */
@FunctionalInterface
public interface EventSink {
    CompletionStage<Integer> post(String url, String formBody);
}
