package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.olbot.rest.internal.Envelope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Success {

        @Test
        void readsResultTotalNextAndTime() {
            RestResponse r = Envelope.parse("crm.lead.list", 200,
                    utf8("{\"result\":[{\"ID\":\"1\"}],\"total\":120,\"next\":50,\"time\":{\"operating\":0.5,\"operating_reset_at\":1757425271}}"));

            assertThat(r.method()).isEqualTo("crm.lead.list");
            assertThat(r.result().get(0).path("ID").asText()).isEqualTo("1");
            assertThat(r.total()).contains(120L);
            assertThat(r.next()).contains(50L);
            assertThat(r.time().orElseThrow().path("operating").asDouble()).isEqualTo(0.5);
        }

        @Test
        void leavesTotalAndNextEmptyWhenAbsent() {
            RestResponse r = Envelope.parse("imbot.register", 200, utf8("{\"result\":39}"));

            assertThat(r.result().asInt()).isEqualTo(39);
            assertThat(r.total()).isEmpty();
            assertThat(r.next()).isEmpty();
            assertThat(r.time()).isEmpty();
        }
    }

    @Nested
    class Errors {

        /** Every row of the system-error table of REFERENCE §1.4, plus the RU-only 429 row and source-only codes. */
        @ParameterizedTest(name = "HTTP {0} {1}")
        @CsvSource(delimiter = '|', value = {
            "500|INTERNAL_SERVER_ERROR|Internal server error",
            "500|ERROR_UNEXPECTED_ANSWER|Server returned an unexpected response",
            "503|QUERY_LIMIT_EXCEEDED|Too many requests",
            "405|ERROR_BATCH_METHOD_NOT_ALLOWED|Method is not allowed for batch usage",
            "400|ERROR_BATCH_LENGTH_EXCEEDED|Max batch length exceeded",
            "401|NO_AUTH_FOUND|Wrong authorization data",
            "400|INVALID_REQUEST|Https required",
            "503|OVERLOAD_LIMIT|REST API is blocked due to overload",
            "403|ACCESS_DENIED|REST API is available only on commercial plans",
            "403|INVALID_CREDENTIALS|Invalid request credentials",
            "404|ERROR_MANIFEST_IS_NOT_AVAILABLE|Manifest is not available",
            "403|insufficient_scope|The request requires higher privileges than provided by the webhook token",
            "401|expired_token|The access token provided has expired",
            "403|user_access_error|The user does not have access to the application",
            "500|PORTAL_DELETED|Portal was deleted",
            "429|OPERATION_TIME_LIMIT|Method is blocked due to operation time limit",
            "404|ERROR_METHOD_NOT_FOUND|Method not found!",
            "401|invalid_token|The access token provided is invalid",
            "400|CODE_ERROR|Bot code isn't specified",
        })
        void mapsStatusCodeAndDescription(int status, String code, String description) {
            String body = "{\"error\":\"" + code + "\",\"error_description\":\"" + description + "\"}";

            RestException e = catchThrowableOfType(RestException.class, () -> Envelope.parse("some.method", status, utf8(body)));

            assertThat(e.method()).isEqualTo("some.method");
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.error()).isEqualTo(code);
            assertThat(e.errorDescription()).isEqualTo(description);
            assertThat(e.is(code.toLowerCase())).isTrue();
            assertThat(e.getMessage()).contains(code).contains(String.valueOf(status));
        }

        @Test
        void raisesAnErrorBodyEvenOnHttp200() {
            assertThatThrownBy(() -> Envelope.parse("imbot.message.add", 200, utf8("{\"error\":\"MESSAGE_EMPTY\",\"error_description\":\"Message can't be empty\"}")))
                    .isInstanceOfSatisfying(RestException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.is("MESSAGE_EMPTY")).isTrue();
                    });
        }

        @Test
        void comparesCodesIgnoringCase() {
            RestException e = catchThrowableOfType(RestException.class,
                    () -> Envelope.parse("imbot.message.update", 400, utf8("{\"error\":\"menu_ERROR\",\"error_description\":\"\"}")));

            assertThat(e.is("MENU_ERROR")).isTrue();
            assertThat(e.is("KEYBOARD_ERROR")).isFalse();
            assertThat(e.error()).isEqualTo("menu_ERROR");
        }

        @Test
        void keepsAnErrorWithoutDescription() {
            RestException e = catchThrowableOfType(RestException.class, () -> Envelope.parse("x.y", 400, utf8("{\"error\":\"WRONG_REQUEST\"}")));

            assertThat(e.errorDescription()).isEmpty();
        }

        @Test
        void turnsAnHtmlPageIntoUnexpectedAnswerNamingTheStatus() {
            RestException e = catchThrowableOfType(RestException.class,
                    () -> Envelope.parse("imbot.message.add", 502, utf8("<html><body>Bad Gateway</body></html>")));

            assertThat(e.error()).isEqualTo("ERROR_UNEXPECTED_ANSWER");
            assertThat(e.httpStatus()).isEqualTo(502);
            assertThat(e.errorDescription()).contains("HTTP 502");
        }

        @Test
        void turnsAnEmptyBodyIntoUnexpectedAnswer() {
            RestException e = catchThrowableOfType(RestException.class, () -> Envelope.parse("a.b", 200, new byte[0]));

            assertThat(e.error()).isEqualTo("ERROR_UNEXPECTED_ANSWER");
            assertThat(e.errorDescription()).contains("HTTP 200").contains("empty");
        }

        @Test
        void turnsAJsonBodyWithoutResultOnAnErrorStatusIntoUnexpectedAnswer() {
            RestException e = catchThrowableOfType(RestException.class, () -> Envelope.parse("a.b", 500, utf8("{\"oops\":1}")));

            assertThat(e.error()).isEqualTo("ERROR_UNEXPECTED_ANSWER");
            assertThat(e.httpStatus()).isEqualTo(500);
        }
    }
}
