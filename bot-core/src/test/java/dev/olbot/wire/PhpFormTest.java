package dev.olbot.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PhpFormTest {

    @Nested
    class Parse {

        @Test
        void nestsBracketKeysKeepingNumericKeysAsMapKeys() {
            Map<String, Object> m = PhpForm.parse("event=X&data%5BBOT%5D%5B567%5D%5BBOT_ID%5D=567&data[PARAMS][MESSAGE]=Hi");

            assertThat(m).containsEntry("event", "X");
            assertThat(m.get("data")).isEqualTo(Map.of("BOT", Map.of("567", Map.of("BOT_ID", "567")),
                    "PARAMS", Map.of("MESSAGE", "Hi")));
        }

        @Test
        void appendsEmptyBracketsAsNextIndex() {
            Map<String, Object> m = PhpForm.parse("a[]=x&a[]=y&a[5]=z&a[]=w");

            assertThat(m.get("a")).isEqualTo(Map.of("0", "x", "1", "y", "5", "z", "6", "w"));
        }

        @Test
        void fiveThousandAppendsGetTheirIndexesInOrder() {
            Map<String, Object> m = PhpForm.parse("a[3]=x&" + "a[]=v&".repeat(4_998));

            @SuppressWarnings("unchecked")
            Map<String, Object> a = (Map<String, Object>) m.get("a");
            assertThat(a).hasSize(4_999).containsEntry("3", "x").containsEntry("4", "v").containsEntry("5001", "v");
        }

        @Test
        void refusesMoreFieldsDeeperBracketsOrLongerKeysThanItsLimits() {
            PhpForm.Limits small = new PhpForm.Limits(3, 2, 10);

            assertThatThrownBy(() -> PhpForm.parse("a=1&b=2&c=3&d=4", small)).hasMessage("more than 3 fields");
            assertThatThrownBy(() -> PhpForm.parse("a[b][c]=1", small)).hasMessage("brackets nested deeper than 2 levels");
            assertThatThrownBy(() -> PhpForm.parse("abcdefghijk=1", small)).hasMessage("a key longer than 10 characters");
            assertThat(PhpForm.parse("a[b]=1&c=2", small)).isEqualTo(Map.of("a", Map.of("b", "1"), "c", "2"));
        }

        @Test
        void lastOfRepeatedKeysWins() {
            assertThat(PhpForm.parse("a=1&a=2&b[c]=1&b[c]=3")).isEqualTo(Map.of("a", "2", "b", Map.of("c", "3")));
        }

        @Test
        void decodesPlusAndPercentTwentyAsSpace() {
            assertThat(PhpForm.parse("t=a+b%20c")).containsEntry("t", "a b c");
        }

        @Test
        void decodesUtf8Unicode() {
            assertThat(PhpForm.parse("m=%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82+%F0%9F%91%8B")).containsEntry("m", "Привет 👋");
        }

        @Test
        void readsKeyWithoutValueAsEmptyStringAndSkipsEmptyPairs() {
            assertThat(PhpForm.parse("a&&b=&c=1&")).isEqualTo(Map.of("a", "", "b", "", "c", "1"));
        }

        @Test
        void rejectsMalformedPercentEscapes() {
            assertThatThrownBy(() -> PhpForm.parse("a=%zz")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("malformed percent-encoding");
            assertThatThrownBy(() -> PhpForm.parse("a=100%")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void replacesAScalarWhenTheSameKeyLaterNests() {
            assertThat(PhpForm.parse("a=1&a[b]=2")).isEqualTo(Map.of("a", Map.of("b", "2")));
        }
    }

    @Nested
    class Encode {

        @Test
        void encodesLikeHttpBuildQuery() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("event", "ONIMBOTMESSAGEADD");
            data.put("data", Map.of("BOT", Map.of("567", Map.of("BOT_ID", 567))));
            data.put("flag", true);
            data.put("off", false);
            data.put("none", null);
            data.put("empty", Map.of());
            data.put("list", List.of("a", "b c"));

            assertThat(PhpForm.encode(data)).isEqualTo("event=ONIMBOTMESSAGEADD&data%5BBOT%5D%5B567%5D%5BBOT_ID%5D=567"
                    + "&flag=1&off=0&none=&list%5B0%5D=a&list%5B1%5D=b+c");
        }

        @Test
        void roundTripsNestedStringsIncludingUnicodeAndReservedCharacters() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("event", "E");
            data.put("data", Map.of("PARAMS", Map.of("MESSAGE", "a&b=c [d] 100% Привет", "ID", "1")));

            assertThat(PhpForm.parse(PhpForm.encode(data))).isEqualTo(data);
        }

        @Test
        void listsComeBackAsIndexKeyedMaps() {
            assertThat(PhpForm.parse(PhpForm.encode(Map.of("DATA", List.of(Map.of("id", 1))))))
                    .isEqualTo(Map.of("DATA", Map.of("0", Map.of("id", "1"))));
        }
    }
}
