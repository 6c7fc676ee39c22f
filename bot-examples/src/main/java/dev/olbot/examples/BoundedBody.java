package dev.olbot.examples;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * A request body read with a cap, for the examples' local servers (the emulator's and the web chat's
 * APIs): Vert.x's {@code request.body()} keeps whatever arrives, so one oversized POST would be held
 * in memory whole before its fields were even checked. Call it from the request handler, before the
 * body starts to arrive.
 */
public final class BoundedBody {

    /** What the examples' APIs take at most: their JSON is a few hundred bytes, an event a few KB. */
    public static final int DEFAULT_LIMIT = 1024 * 1024;

    private BoundedBody() {}

    /** The body, or a failed future with {@link TooLarge} once more than {@code limit} bytes are declared or arrive. */
    public static Future<Buffer> read(HttpServerRequest request, int limit) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredOver(declared.strip(), limit)) {
            return Future.failedFuture(new TooLarge(limit));
        }
        Promise<Buffer> body = Promise.promise();
        Buffer collected = Buffer.buffer();
        request.handler(chunk -> {
            if (body.future().isComplete()) {
                return;
            }
            if (collected.length() + chunk.length() > limit) {
                body.tryFail(new TooLarge(limit));
            } else {
                collected.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(body::tryFail);
        request.endHandler(v -> body.tryComplete(collected));
        return body.future();
    }

    /** The status to answer a failed {@link #read} with: 413 for a body over the cap, else 400. */
    public static int status(Throwable failure) {
        return failure instanceof TooLarge ? 413 : 400;
    }

    /** The one-line reason to answer a failed {@link #read} with. */
    public static String reason(Throwable failure) {
        return failure instanceof TooLarge ? failure.getMessage() : "unreadable body";
    }

    private static boolean declaredOver(String declared, int limit) {
        try {
            return Long.parseLong(declared) > limit;
        } catch (NumberFormatException notANumber) {
            return false; // the bytes that arrive decide
        }
    }

    /** The body was longer than the cap; its message is the one line to answer with (413). */
    public static final class TooLarge extends RuntimeException {
        TooLarge(int limit) {
            super("body over " + limit + " bytes", null, false, false);
        }
    }
}
