package dev.olbot.testkit;

/**
 * Credentials of one call as they arrived: an OAuth token, a webhook's user id and secret, a
 * browser session id, or nothing.
 */
public record CallAuth(AuthKind kind, String token, int webhookUserId) {

    public static CallAuth oauth(String accessToken) {
        return new CallAuth(AuthKind.OAUTH, accessToken, 0);
    }

    public static CallAuth webhook(int userId, String secret) {
        return new CallAuth(AuthKind.WEBHOOK, secret, userId);
    }

    public static CallAuth session(String sessid) {
        return new CallAuth(AuthKind.SESSION, sessid, 0);
    }

    public static CallAuth none() {
        return new CallAuth(AuthKind.NONE, "", 0);
    }
}
