package dev.olbot.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.testsupport.WireEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormParserTest {

    /** What a parse gave: the tree printed in its order (a LinkedHashMap prints in insertion order), or the error. */
    private static String outcome(java.util.function.Supplier<Map<String, Object>> parse) {
        try {
            return "tree " + parse.get();
        } catch (IllegalArgumentException e) {
            return "error " + e.getMessage();
        }
    }

    private static void agrees(String body, PhpForm.Limits limits) {
        assertThat(outcome(() -> PhpForm.parse(body, limits)))
                .as("body %s", body)
                .isEqualTo(outcome(() -> ReferencePhpForm.parse(body, limits)));
    }

    @Nested
    class AgreesWithTheParserItReplaced {

        @Test
        void onRealEventBodies() {
            agrees(WireEvents.openLineMessageBody(6, 36, "Здравствуйте! Где мой заказ 48213? a+b=c&d"), PhpForm.Limits.DEFAULT);
            agrees(PhpForm.encode(Map.of("event", "ONAPPINSTALL", "auth", Map.of("domain", "x.bitrix24.com",
                    "client_endpoint", "https://x.bitrix24.com/rest/"))), PhpForm.Limits.DEFAULT);
        }

        @Test
        void onHostileFragmentsValueForValueAndErrorForError() {
            String[] parts = {"&", "=", "%", "%5B", "%5D", "[", "]", "[]", "+", "a", "b", "0", "7", "F", "g", "%2", "%zz",
                "%41", "%D0%97", "é", "٣", "%٣٣", "data", "[x]", "[0]", "[1]", "%26", "%3D", "  "};
            Random random = new Random(16);
            PhpForm.Limits tight = new PhpForm.Limits(12, 3, 8);
            for (int n = 0; n < 20_000; n++) {
                StringBuilder body = new StringBuilder();
                int pieces = 1 + random.nextInt(30);
                for (int i = 0; i < pieces; i++) {
                    body.append(parts[random.nextInt(parts.length)]);
                }
                agrees(body.toString(), PhpForm.Limits.DEFAULT);
                agrees(body.toString(), tight);
            }
        }

        @Test
        void onRandomKeysOfSharedPrefixesAppendsAndReplacements() {
            String[] names = {"a", "b", "data"};
            String[] brackets = {"[]", "[x]", "[y]", "[0]", "[1]", "%5Bx%5D", "%5B%5D", "[x", "x]"};
            Random random = new Random(9);
            for (int n = 0; n < 20_000; n++) {
                StringBuilder body = new StringBuilder();
                int pairs = 1 + random.nextInt(8);
                for (int p = 0; p < pairs; p++) {
                    body.append(p == 0 ? "" : "&").append(names[random.nextInt(names.length)]);
                    int depth = random.nextInt(4);
                    for (int d = 0; d < depth; d++) {
                        body.append(brackets[random.nextInt(brackets.length)]);
                    }
                    body.append('=').append(p);
                }
                agrees(body.toString(), PhpForm.Limits.DEFAULT);
                agrees(body.toString(), new PhpForm.Limits(50, 3, 100));
            }
        }

        @Test
        void onBracketStructuresThatReplaceAndAppend() {
            List<String> bodies = new ArrayList<>(List.of(
                    "a[]=1&a[]=2&a[5]=x&a[]=3",
                    "a=1&a[b]=2&a[c][]=3&a[c][]=4&a=5&a[d]=6",
                    "a[b]x[c]=1&a[b][c=2&[a]=3&a]=4&=5&a[=6",
                    "a%5B%5D=1&a%5B%5D=2&a%5B7%5D=3&a%5B%5D=4",
                    "x[99999999999999999999]=1&x[]=2",
                    "x[0]=a&x[]=b&x[01]=c&x[]=d",
                    "a[][x]=1&a[][y]=2&a[][x]=3",
                    "a[b][c]=1&a[b]=2&a[b][d]=3&a[b][c][e]=4&a=5&a[b][c]=6"));
            for (String body : bodies) {
                agrees(body, PhpForm.Limits.DEFAULT);
            }
        }
    }

    @Nested
    class RemembersTheKeysItParsedBefore {

        @Test
        void aKeySeenBeforeIsStillHeldToTheLimitsOfThisParse() {
            assertThat(PhpForm.parse("data%5Bverylongname%5D=1")).containsKey("data");

            assertThatThrownBy(() -> PhpForm.parse("data%5Bverylongname%5D=1", new PhpForm.Limits(10, 5, 8)))
                    .hasMessage("a key longer than 8 characters");
            assertThatThrownBy(() -> PhpForm.parse("data%5Bverylongname%5D=1", new PhpForm.Limits(10, 1, 100)))
                    .hasMessage("brackets nested deeper than 1 levels");
        }

        @Test
        void anEventParsesTheSameTheSecondTimeAsTheFirst() {
            String body = WireEvents.openLineMessageBody(6, 36, "where is my order?");

            assertThat(PhpForm.parse(body)).isEqualTo(PhpForm.parse(body)).isEqualTo(ReferencePhpForm.parse(body, PhpForm.Limits.DEFAULT));
        }

        @Test
        void aBodyOfThousandsOfNewKeysCrowdsNothingOut() {
            StringBuilder flood = new StringBuilder();
            for (int i = 0; i < 3_000; i++) {
                flood.append(i == 0 ? "" : "&").append("k").append(i).append("%5Bx%5D%5B").append(i % 7).append("%5D=").append(i);
            }
            String event = WireEvents.openLineMessageBody(6, 36, "hello");

            agrees(event, PhpForm.Limits.DEFAULT);
            agrees(flood.toString(), PhpForm.Limits.DEFAULT);
            agrees(event, PhpForm.Limits.DEFAULT);
            agrees(flood + "&" + event, PhpForm.Limits.DEFAULT);
        }
    }

    @Test
    void refusesAMalformedEscapeAtTheEndOfALongBody() {
        String body = WireEvents.openLineMessageBody(6, 36, "hello") + "&data%5BPARAMS%5D%5BTAIL%5D=%G1";

        assertThatThrownBy(() -> PhpForm.parse(body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed percent-encoding near '%G1'");
    }

    @Test
    void staysLinearWhenNoPairHasAnEqualsSign() {
        String body = "a&".repeat(2_000) + "b=1";

        assertThat(PhpForm.parse(body)).containsEntry("b", "1").containsEntry("a", "").hasSize(2);
    }
}
