package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.rest.methods.BotSessionSpecs;
import dev.olbot.rest.methods.ConnectorSpecs;
import dev.olbot.rest.methods.MethodCatalog;
import dev.olbot.rest.methods.OpenLinesSpecs;
import dev.olbot.rest.methods.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fake account against the client's method catalogue ({@link MethodCatalog}): every method the fake serves is
 * in the catalogue (or listed here as fake-only, with the reason), every parameter the catalogue requires is
 * required by the fake too, and leaving it out gets the platform's error code from the fake.
 */
class CatalogCrossCheckTest extends FakeAccountTest {

    /** Methods the fake serves that the catalogue does not describe, and why. */
    static final Map<String, String> FAKE_ONLY = Map.of(
            "app.info", "asked of the authorisation server to confirm an install (RestClient.confirmInstall); not an Open Lines method",
            "batch", "transport-level: the REST client packs calls into batch itself (BatchCodec); not a typed method",
            "imbot.sendtyping", "the platform's older alias of imbot.chat.sendTyping; the client never calls it",
            "imopenlines.bot.session.send.message", "the platform's older alias of imopenlines.bot.session.message.send",
            "user.get", "a core REST method outside the Open Lines catalogue; the fake serves it for bots that look users up",
            "event.bind", "a core REST method: a connector app subscribes to OnImConnector*/OnSession*/OnOpenLineMessage* with it",
            "event.unbind", "a core REST method, the counterpart of event.bind",
            "im.dialog.messages.get", "a core im read the turn outbox calls itself (ReplyLookup) to learn whether a reply whose "
                    + "answer was lost arrived; not a typed method");

    /**
     * Catalogue requirements the fake deliberately does not enforce as written, because the platform does not
     * (catalogue bugs, reported): method + " " + requirement → reason.
     */
    static final Map<String, String> CATALOGUE_SUSPECT = Map.of(
            "imbot.message.add MESSAGE",
            "the platform accepts an empty MESSAGE when ATTACH is given (MESSAGE_EMPTY only when both are empty); "
                    + "the catalogue should say requiresAnyOf(\"MESSAGE\", \"ATTACH\")");

    @Test
    void everyMethodTheFakeServesIsInTheCatalogueOrListedAsFakeOnly() {
        List<String> unexplained = new ArrayList<>();
        for (MethodSpec spec : fake.methodSpecs()) {
            boolean inCatalogue = MethodCatalog.find(spec.name).isPresent();
            if (inCatalogue == FAKE_ONLY.containsKey(spec.name)) {
                unexplained.add(spec.name + (inCatalogue ? " is in the catalogue but listed as fake-only" : " is not in the catalogue"));
            }
        }
        assertThat(unexplained).isEmpty();
        assertThat(FAKE_ONLY.keySet()).allSatisfy(name ->
                assertThat(fake.methodSpecs()).anySatisfy(s -> assertThat(s.name).isEqualTo(name)));
    }

    @Test
    void theFakeServesEveryOneOfThe49OpenLinesMethodsOfTheCatalogue() {
        List<String> openLines = java.util.stream.Stream.of(OpenLinesSpecs.ALL, ConnectorSpecs.ALL, BotSessionSpecs.ALL)
                .flatMap(List::stream).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
        List<String> served = fake.methodSpecs().stream().map(s -> s.name).toList();
        assertThat(openLines).hasSize(49);
        assertThat(served).containsAll(openLines);
    }

    @Test
    void everyParameterTheCatalogueRequiresTheFakeRequiresToo() {
        List<String> missing = new ArrayList<>();
        for (MethodSpec spec : fake.methodSpecs()) {
            Optional<dev.olbot.rest.methods.MethodSpec> cat = MethodCatalog.find(spec.name);
            if (cat.isEmpty()) {
                continue;
            }
            for (Requirement r : cat.get().required()) {
                if (covering(spec, r).isEmpty() && !CATALOGUE_SUSPECT.containsKey(spec.name + " " + r.describe())) {
                    missing.add(spec.name + ": " + r.describe());
                }
            }
        }
        assertThat(missing).as("catalogue requirements the fake does not enforce").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void leavingARequiredParameterOutGetsThePlatformsErrorCode() {
        String token = install();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (MethodSpec spec : fake.methodSpecs()) {
            Optional<dev.olbot.rest.methods.MethodSpec> cat = MethodCatalog.find(spec.name);
            if (cat.isEmpty()) {
                continue;
            }
            for (Requirement r : cat.get().required()) {
                Optional<MethodSpec.Required> fakeReq = covering(spec, r);
                if (fakeReq.isEmpty()) {
                    continue;
                }
                Map<String, Object> params = new LinkedHashMap<>();
                List<String> left = r.alternatives().stream().flatMap(List::stream).toList();
                for (MethodSpec.Required other : spec.required) {
                    if (other != fakeReq.get()) {
                        // satisfy it with an alternative this requirement does not remove (EVENT_HANDLER is shared)
                        String path = other.paths().stream().filter(p -> !left.contains(p)).findFirst().orElse(other.param());
                        put(params, path, other.positiveInt() ? 1 : "1");
                    }
                }
                // the fake must not accept the call because something else happens to satisfy the requirement
                for (List<String> alternative : r.alternatives()) {
                    alternative.forEach(path -> remove(params, path));
                }
                Map.Entry<Integer, Map<String, Object>> reply = fake.handle(spec.name, params, CallAuth.oauth(token)).join();
                checked++;
                // imconnector.register/unregister answer HTTP 200 with the error inside result, as documented
                Map<String, Object> body = fakeReq.get().inResult() && reply.getValue().get("result") instanceof Map<?, ?> inner
                        ? (Map<String, Object>) inner : reply.getValue();
                Object error = body.get("error");
                int expectedStatus = fakeReq.get().inResult() ? 200 : 400;
                if (reply.getKey() < expectedStatus || !fakeReq.get().code().equals(error)) {
                    wrong.add(spec.name + " without " + r.describe() + ": expected " + fakeReq.get().code() + ", got HTTP "
                            + reply.getKey() + " " + error);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(80);
    }

    /** The fake's requirement that fails whenever the catalogue's does: each of its alternatives is one of the catalogue's. */
    private static Optional<MethodSpec.Required> covering(MethodSpec spec, Requirement r) {
        List<List<String>> alternatives = r.alternatives();
        return spec.required.stream()
                .filter(req -> req.paths().stream().allMatch(p -> alternatives.stream()
                        .anyMatch(alt -> alt.size() == 1 && alt.get(0).equalsIgnoreCase(p))))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> params, String path, Object value) {
        String[] keys = path.split("\\.");
        Map<String, Object> m = params;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = m.get(keys[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                m.put(keys[i], next);
            }
            m = (Map<String, Object>) next;
        }
        m.putIfAbsent(keys[keys.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static void remove(Map<String, Object> params, String path) {
        String[] keys = path.split("\\.");
        Map<String, Object> m = params;
        for (int i = 0; i < keys.length - 1; i++) {
            if (!(m.get(keys[i]) instanceof Map)) {
                return;
            }
            m = (Map<String, Object>) m.get(keys[i]);
        }
        String last = keys[keys.length - 1];
        m.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).equals(last.toLowerCase(Locale.ROOT)));
    }
}
