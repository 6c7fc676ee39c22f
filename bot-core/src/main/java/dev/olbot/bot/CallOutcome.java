package dev.olbot.bot;

import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import java.util.Optional;

/**
 * What became of one call of a turn, as far as the platform let OLBot learn it.
 *
 * @param action   the call
 * @param kind     delivered, refused or unknown
 * @param response the answer, when there was one (a reply found by reading the dialog back has a
 *                 response whose result is the message id; a tolerated error has none)
 * @param error    the last error, for {@link Kind#REFUSED} and {@link Kind#UNKNOWN}
 */
public record CallOutcome(Action action, Kind kind, Optional<RestResponse> response, Optional<RestException> error) {

    /** The three fates of a call. */
    public enum Kind {
        /** The platform executed it (it answered, or the reply was found in the dialog). */
        DELIVERED,
        /**
         * It certainly did not take effect: the platform answered with an error, or it was never
         * sent (deadline), or it was found missing from the dialog after every permitted resend.
         */
        REFUSED,
        /** It may or may not have taken effect and the platform could not be asked (or did not tell). */
        UNKNOWN
    }

    public static CallOutcome delivered(Action action, RestResponse response) {
        return new CallOutcome(action, Kind.DELIVERED, Optional.ofNullable(response), Optional.empty());
    }

    public static CallOutcome refused(Action action, RestException error) {
        return new CallOutcome(action, Kind.REFUSED, Optional.empty(), Optional.of(error));
    }

    public static CallOutcome unknown(Action action, RestException error) {
        return new CallOutcome(action, Kind.UNKNOWN, Optional.empty(), Optional.of(error));
    }
}
