package dev.olbot.bench;

import dev.olbot.kb.KbEntry;
import dev.olbot.kb.KbMatch;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseIndex;
import dev.olbot.kb.LocalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Looking up a client's message in a knowledge base of 500 entries (three Russian and two English
 * questions each, made of a 400-word vocabulary): analysis, BM25 with typo tolerance, confidence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KnowledgeBaseBench {

    private static final String[] RU = ("доставка заказ оплата возврат карта курьер самовывоз пункт выдачи склад гарантия ремонт "
            + "скидка промокод бонус кэшбэк рассрочка кредит чек счёт договор адрес телефон почта сайт приложение пароль вход "
            + "аккаунт профиль подписка тариф цена стоимость срок время график выходные праздники регион город страна граница "
            + "таможня пошлина упаковка подарок сертификат обмен размер цвет модель наличие").split(" ");
    private static final String[] EN = ("delivery order payment refund card courier pickup point warehouse warranty repair discount "
            + "promo bonus cashback instalment credit receipt invoice contract address phone email site app password login account "
            + "profile subscription plan price cost time schedule weekend holiday region city country border customs duty "
            + "packaging gift certificate exchange size colour model stock").split(" ");

    private KnowledgeBaseIndex index;
    private final String[] messages = {"скока стоит доставака в питер", "как вернуть деньги за заказ", "where is my refund",
            "привет! подскажите график работы в выходные", "совсем не про это"};
    private int next;

    @Setup
    public void setUp() {
        Random r = new Random(5);
        List<KbEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            List<String> ru = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (int q = 0; q < 3; q++) {
                ru.add(words(r, RU, 3 + r.nextInt(4)));
            }
            for (int q = 0; q < 2; q++) {
                en.add(words(r, EN, 3 + r.nextInt(4)));
            }
            entries.add(new KbEntry("e" + i, Map.of("ru", ru, "en", en), LocalText.of("ответ " + i, "answer " + i), List.of(), List.of()));
        }
        index = KnowledgeBaseIndex.of(KnowledgeBase.of("bench", entries, List.of()));
    }

    private static String words(Random r, String[] vocabulary, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(vocabulary[r.nextInt(vocabulary.length)]);
        }
        return s.toString();
    }

    @Benchmark
    public KbMatch lookup() {
        return index.match(messages[next++ % messages.length]);
    }
}
