package dev.olbot.testkit;

import java.util.Map;

/**
 * One authenticated call as a method handler sees it.
 *
 * @param params  parameters, upper-cased at the top level unless the method reads them raw
 * @param raw     parameters exactly as sent
 * @param appId   the calling application: the OAuth client id, {@code custom<CLIENT_ID>} for a
 *                webhook call with CLIENT_ID, or "" for a webhook without it
 * @param userId  the user behind the token or webhook
 */
record MethodCall(FakeBitrix24 fake, FakePortal portal, String method, Map<String, Object> params,
                  Map<String, Object> raw, AuthKind auth, String appId, int userId) {

    String str(String key) {
        return Params.str(params, key);
    }

    long intval(String key) {
        return Params.intval(params, key);
    }

    boolean has(String key) {
        return params.containsKey(key);
    }
}
