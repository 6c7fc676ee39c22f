package dev.olbot.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code app.info}. On a real account two hosts answer it: the portal (the app's {@code ID},
 * {@code CODE}, {@code VERSION}, {@code STATUS}, {@code INSTALLED}, licence) and the authorisation
 * server, whose answer — {@code client_id}, {@code scope}, {@code expires}, {@code user_id} and the
 * {@code install} block with {@code member_id}, {@code domain}, {@code client_endpoint} — is the
 * trusted way to confirm an install (docs: "to obtain a trusted value, use the method
 * oauth.bitrix.info/rest/app.info"; field names as the official Python SDK reads them). The fake
 * serves both from one host, so its answer carries both sets of fields.
 */
final class AppMethods {

    private AppMethods() {}

    static void register(RestDispatcher d) {
        d.define("app.info").noSessionAuth().handle(AppMethods::info);
    }

    private static Object info(MethodCall c) {
        if (c.auth() != AuthKind.OAUTH) {
            throw BitrixError.badRequest("ACCESS_DENIED", "Access denied! Application context required");
        }
        FakePortal p = c.portal();
        FakeBitrix24 fake = c.fake();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ID", 1);
        out.put("CODE", fake.clientId());
        out.put("VERSION", 1);
        out.put("STATUS", "L");
        out.put("INSTALLED", true);
        out.put("PAYMENT_EXPIRED", "N");
        out.put("DAYS", null);
        out.put("LANGUAGE_ID", "en");
        out.put("LICENSE", "en_project");
        out.put("LICENSE_TYPE", "project");
        out.put("LICENSE_FAMILY", "project");
        out.put("client_id", fake.clientId());
        out.put("scope", Tokens.SCOPE);
        out.put("expires", fake.clock().instant().plus(Tokens.ACCESS_LIFETIME).toString());
        out.put("user_id", c.userId());
        Map<String, Object> install = new LinkedHashMap<>();
        install.put("installed", true);
        install.put("version", 1);
        install.put("status", "L");
        install.put("scope", Tokens.SCOPE);
        install.put("domain", p.domain());
        install.put("uri", fake.baseUrl() + "/");
        install.put("client_endpoint", fake.clientEndpoint());
        install.put("member_id", p.memberId());
        install.put("member_type", "PORTAL");
        out.put("install", install);
        return out;
    }
}
