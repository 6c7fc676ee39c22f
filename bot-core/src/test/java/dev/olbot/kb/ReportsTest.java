package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportsTest {

    private static boolean context(String text) {
        return Reports.context(MessageParts.split(text).get(0));
    }

    @Test
    void aPartThatTellsWhatHappenedIsContext() {
        assertThat(context("возврат оформлен")).isTrue();
        assertThat(context("оплатила 20го, ни смс ни звонка")).isTrue();
        assertThat(context("заказ ещё не уехал")).isTrue();
        assertThat(context("Карта рабочая, в магазине сегодня ей платил")).isTrue();
        assertThat(context("i returned the keyboard last monday")).isTrue();
        assertThat(context("заказ 48213907 на руках")).isTrue();
    }

    @Test
    void aPartThatAsksIsNoContextThoughItTellsWhatHappened() {
        assertThat(context("одобрен, а деньги когда на карту упадут?")).isFalse();
        assertThat(context("заказ уехал, можно ещё поменять адрес")).isFalse();
        assertThat(context("and if i returned it can i get the money back")).isFalse();
    }

    @Test
    void aRequestAProblemOrABareTopicIsNoContext() {
        assertThat(context("хочу вернуть колонку jbl, не зашла")).isFalse();
        assertThat(context("отмените заказ 30219 пожалуйста")).isFalse();
        assertThat(context("забыла пароль")).isFalse();
        assertThat(context("доставка в казань")).isFalse();
        assertThat(context("цена и отмена в чехол")).isFalse();
    }

    @Test
    void aQuestionMarkAfterAPartMakesItAsk() {
        assertThat(MessageParts.split("возврат оформлен? и когда деньги"))
                .containsExactly(new MessageParts.Part("возврат оформлен", true), new MessageParts.Part("когда деньги", false));
    }
}
