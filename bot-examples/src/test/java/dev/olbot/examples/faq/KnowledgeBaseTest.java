package dev.olbot.examples.faq;

import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseException;
import dev.olbot.kb.KbEntry;
import dev.olbot.kb.LocalText;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    @Test
    void theShippedBaseHasAtLeastThirtyEntriesInRussianAndEnglish() {
        KnowledgeBase kb = KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE);

        assertThat(kb.entries()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(e -> {
            assertThat(e.questions()).containsKeys("ru", "en");
            assertThat(e.answer().byLanguage()).containsKeys("ru", "en");
        });
    }

    @Test
    void theShippedBaseHasNoQuestionMadeOfGenericWordsOnly() {
        assertThat(KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE).warnings()).isEmpty();
    }

    @Test
    void namesTheFileEntryAndFieldOfAMissingAnswer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kb.yaml");
        Files.writeString(file, """
                entries:
                  - id: delivery
                    questions: {ru: ["доставка"]}
                    answer: "1-2 дня"
                  - id: payment
                    questions: {ru: ["оплата"]}
                """);

        assertThatThrownBy(() -> KnowledgeBase.load(file))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage(file + ": entry 'payment' (#2): field 'answer': is missing; expected a text or a map from language to text");
    }

    @Test
    void refusesAButtonWithBothALinkAndAQuestion() {
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.yaml", """
                entries:
                  - id: delivery
                    questions: {ru: ["доставка"]}
                    answer: "1-2 дня"
                    buttons:
                      - {label: "Сайт", link: "https://example.com", send: "цены"}
                """)).hasMessage("kb.yaml: entry 'delivery' (#1): field 'buttons[0]': needs exactly one of 'link' or 'send'");
    }

    @Test
    void refusesDuplicateIdsQuestionsAndUnknownFields() {
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.yaml", """
                entries:
                  - {id: a, questions: {ru: ["доставка"]}, answer: x}
                  - {id: a, questions: {ru: ["оплата"]}, answer: y}
                """)).hasMessageContaining("entry 'a' (#2): field 'id': is used by another entry too");
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.yaml", """
                entries:
                  - {id: a, questions: {ru: ["Доставка?"]}, answer: x}
                  - {id: b, questions: {ru: ["доставка"]}, answer: y}
                """)).hasMessageContaining("entry 'b' (#2): field 'questions': the question 'доставка' is also a question of entry 'a'");
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.yaml", """
                entries:
                  - {id: a, questions: {ru: ["доставка"]}, answr: x}
                """)).hasMessageContaining("entry 'a' (#1): field 'answr': unknown field");
    }

    @Test
    void refusesBrokenYamlAndABadLink() {
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.yaml", "entries: [ {id: a"))
                .hasMessage("kb.yaml:1:18: not valid YAML: expected ',' or '}', but got <stream end> (while parsing a flow mapping)");
        // one line with the place of the mistake (the parser's own message spans five, with an excerpt and a caret)
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.yaml", """
                entries:
                  - id: a
                    questions: {ru: ["доставка"]}
                     answer: x
                """)).hasMessage("kb.yaml:4:6: not valid YAML: expected <block end>, but found '<block mapping start>'"
                + " (while parsing a block mapping)");
        assertThatThrownBy(() -> KnowledgeBase.parse("kb.yaml", """
                entries:
                  - {id: a, questions: {en: ["delivery"]}, answer: x, links: [{title: t, url: "ftp://x"}]}
                """)).hasMessageContaining("field 'links[0].url': expected an http(s):// or /relative link");
    }

    @org.junit.jupiter.api.Nested
    class ClientsOwnWords {
        private final dev.olbot.kb.KnowledgeBaseIndex index = dev.olbot.kb.KnowledgeBaseIndex.of(KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE));

        private String answered(String text) {
            return index.match(text) instanceof dev.olbot.kb.KbMatch.Answer a ? a.entry().id() : "not answered: " + index.match(text);
        }

        @Test
        void aBrandTheShopSellsIsNoForeignWord() {
            assertThat(answered("гарантия на самсунг какая")).isEqualTo("warranty");
            assertThat(answered("рассрочка на айфон есть?")).isEqualTo("installments");
        }

        @Test
        void aSituationIsAnsweredByTheEntryItIsAbout() {
            assertThat(answered("экран треснул, пока везли")).isEqualTo("broken-item");
            assertThat(answered("заказ оформил два раза по ошибке")).isEqualTo("order-cancel");
            assertThat(answered("чем у вас расплатиться можно")).isEqualTo("payment-methods");
        }

        @Test
        void anotherServicesNameIsTurnedAwayInEitherScript() {
            assertThat(index.match("отписаться от нетфликса")).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void anotherBusinesssThingIsTurnedAwayWhateverShopWordsComeWithIt() {
            for (String text : List.of("поликлиника на ленина до скольки работает", "продлить абонемент в бассейн",
                    "пароль от аккаунта в стиме забыл", "my personal trainer cancelled the session")) {
                assertThat(index.match(text)).as(text).isInstanceOf(dev.olbot.kb.KbMatch.NoAnswer.class);
            }
        }

        @Test
        void aThingOnTheNotOursListIsTurnedAwayWhileTheShopsOwnUseOfTheWordsIsAnswered() {
            for (String text : List.of("скидки на авиабилеты есть?", "can i get a refund for my flight", "как вернуть книгу в библиотеку",
                    "оплатить ипотеку картой можно?")) {
                assertThat(index.match(text)).as(text).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.NoAnswer.class,
                        n -> assertThat(n.outOfScope()).isTrue());
            }
            assertThat(answered("какие сейчас скидки")).isEqualTo("discounts");
            assertThat(answered("как вернуть товар")).isEqualTo("returns");
            // what it is bought for is no other business: answered, or offered first
            dev.olbot.kb.KbMatch forSchool = index.match("ноутбук для школы в рассрочку можно?");
            assertThat(forSchool instanceof dev.olbot.kb.KbMatch.Answer a ? a.entry().id()
                    : forSchool instanceof dev.olbot.kb.KbMatch.DidYouMean d ? d.candidates().get(0).entry().id() : forSchool.toString())
                    .isEqualTo("installments");
            assertThat(KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE).notOurs().words()).contains("поликлиника", "gym", "авиабилет");
        }

        @Test
        void aQuestionAboutTheGoodsThemselvesIsLeftToTheShopAssistants() {
            for (String text : List.of("есть ли nfc в этой модели", "which phone has the best camera")) {
                assertThat(index.match(text)).as(text).isInstanceOf(dev.olbot.kb.KbMatch.NoAnswer.class);
            }
        }

        @Test
        void railTravelAndFuelAreOtherBusinessesThings() {
            for (String text : List.of("где ближайшая заправка", "сколько стоит билет на поезд до казани", "is my train delayed")) {
                assertThat(index.match(text)).as(text).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.NoAnswer.class,
                        n -> assertThat(n.outOfScope()).isTrue());
            }
        }

        @Test
        void aProductsFeaturesAndABanksOwnCardServiceAreNotAnswered() {
            for (String text : List.of("есть ли шумоподавление у этой модели", "банк заблокировал мою карту что делать")) {
                assertThat(index.match(text)).as(text).isInstanceOf(dev.olbot.kb.KbMatch.NoAnswer.class);
            }
        }

        @Test
        void roundTheClockSupportAndABiggerSizeAreAnswered() {
            assertThat(answered("у вас поддержка круглосуточная?")).isEqualTo("working-hours");
            assertThat(answered("нужен размер побольше, можно поменять?")).isEqualTo("exchange");
        }

        @Test
        void aCountryTheClassifierFindsForeignIsStillOfferedWhenItBacksTheDeliveryRegionsToo() {
            // "not ours" 0.50 beside the delivery regions 0.18, the ranker's first entry: offered, not turned away (and
            // answered since the examples confirm the offer: clients who asked about a country meant the regions)
            dev.olbot.kb.KbMatch m = index.match("я в польше живу, можно у вас заказать туда?");
            assertThat(m instanceof dev.olbot.kb.KbMatch.Answer a ? a.entry().id()
                    : m instanceof dev.olbot.kb.KbMatch.DidYouMean d ? d.candidates().get(0).entry().id() : m.toString())
                    .isEqualTo("delivery-regions");
        }

        @Test
        void shoesBuildingMaterialsContractorsAndSchoolServicesAreOtherBusinessesThings() {
            for (String text : List.of("сколько стоит починить ботинки", "доставка щебня на участок сколько стоит",
                    "подрядчик сорвал сроки, гарантия есть?", "как вернуть билет на сапсан", "не могу войти в дневник.ру",
                    "how do i sign my son up for the maths olympiad")) {
                assertThat(index.match(text)).as(text).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.NoAnswer.class,
                        n -> assertThat(n.outOfScope()).isTrue());
            }
        }

        @Test
        void smallTalkAdviceOnGoodsAndOtherServicesByNameAreNotAnswered() {
            for (String text : List.of("давай дружить, бот", "стоит ли брать этот пылесос", "uber eats support number",
                    "ремонт под ключ сколько стоит", "этот роутер совместим с моим провайдером?")) {
                assertThat(index.match(text)).as(text).isInstanceOf(dev.olbot.kb.KbMatch.NoAnswer.class);
            }
        }

        @Test
        void aSituationOfTheOrderOrTheCourierIsAnsweredOrOfferedFirstByItsEntry() {
            assertThat(answered("сколько стоит курьер до подъезда")).isEqualTo("delivery-cost");
            assertThat(answered("сломалась кофемашина, гарантия ещё есть, где починить")).isEqualTo("repair");
            assertThat(offeredFirst("сколько ехать заказу до новосибирска")).isEqualTo("delivery-time");
            assertThat(offeredFirst("можно заменить товар в заказе, пока его не отправили?")).isEqualTo("order-change");
        }

        private String offeredFirst(String text) {
            dev.olbot.kb.KbMatch m = index.match(text);
            return m instanceof dev.olbot.kb.KbMatch.Answer a ? a.entry().id()
                    : m instanceof dev.olbot.kb.KbMatch.DidYouMean d ? d.candidates().get(0).entry().id() : "nothing offered: " + m;
        }

        @Test
        void aGoodTheShopSellsIsAnsweredThoughOnlyProductAdviceExamplesSayIt() {
            assertThat(answered("камера закончилась, когда снова будет в продаже?")).isEqualTo("out-of-stock");
            assertThat(answered("the camera is sold out, when will you restock")).isEqualTo("out-of-stock");
        }

        @Test
        void untilWhenAreYouInStopWordsOnlyIsTheWorkingHours() {
            assertThat(answered("вы до скольки сегодня?")).isEqualTo("working-hours");
        }

        @Test
        void anotherColourIsAnExchange() {
            assertThat(answered("хочу обменять на такую же, но синюю")).isEqualTo("exchange");
        }

        @Test
        void theStoresPremisesOtherServicesSubscriptionsAndTaxesAreNotAnswered() {
            for (String text : List.of("есть парковка?", "можно прийти с собакой", "как отключить автопродление литрес",
                    "где налоговый вычет оформить")) {
                assertThat(index.match(text)).as(text).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.NoAnswer.class,
                        n -> assertThat(n.outOfScope()).isTrue());
            }
        }

        @Test
        void jobsPartnershipsUtilitiesAndLotteriesAreOtherBusinessesThings() {
            for (String text : List.of("есть вакансии курьера?", "я блогер, давайте сотрудничать", "оплатить счёт за электричество",
                    "как получить выигрыш в лотерею", "do you have job openings")) {
                assertThat(index.match(text)).as(text).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.NoAnswer.class,
                        n -> assertThat(n.outOfScope()).isTrue());
            }
        }

        @Test
        void anOrdinaryWordThatSharesAStemWithAnotherBusinesssThingDoesNotTurnAShopQuestionAway() {
            // "мили" (air miles) is "мил" as in "милый", "уголь" is "угол": both messages got the out-of-scope reply
            // (not_ours turns a message away as NoAnswer(0, true) before any matching)
            for (String text : List.of("милый бот, где мой заказ?", "угол телевизора отколот, что делать?")) {
                assertThat(index.match(text)).as(text).isNotEqualTo(new dev.olbot.kb.KbMatch.NoAnswer(0, true));
            }
            assertThat(answered("мой милый, где мой заказ?")).isEqualTo("order-status");
            assertThat(index.match("сколько бонусных миль за перелёт аэрофлотом")).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void aMobileOperatorsNameBesideTheSmsCodeIsTheShopsQuestion() {
            // the operators' names are in the SMS entry's answer: the shop's context, not another business's word
            assertThat(answered("не приходит смс с кодом, оператор мегафон")).isEqualTo("sms-code");
            assertThat(answered("смс с кодом не приходит, у меня билайн")).isEqualTo("sms-code");
        }

        @Test
        void theMoneyBackOnTheCardAndAnItemAddedToAPlacedOrderAreAnswered() {
            assertThat(answered("when will the refund reach my card")).isEqualTo("refund-time");
            assertThat(answered("хочу докинуть наушники в заказ, он уже оформлен")).isEqualTo("order-change");
        }

        @Test
        void theShopsWordsAnExampleOnceSaidBesideAnotherBusinessAreNotTurnedAway() {
            for (String text : List.of("доставка на дом", "help with my order", "power bank is broken")) {
                assertThat(index.match(text)).as(text).isNotInstanceOf(dev.olbot.kb.KbMatch.NoAnswer.class);
            }
        }

        @Test
        void russianTypedInLatinLettersThatOnlyTheClassifierTurnedAwayIsReadInCyrillic() {
            // learned without the part these messages come from, as `bench faq` measures it: the classifier knows few
            // Latin-typed words and turned them away ("not ours" 0.52-0.54) though the ranker answered them
            KnowledgeBase kb = KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE);
            dev.olbot.kb.KnowledgeBaseIndex unseen = dev.olbot.kb.KnowledgeBaseIndex.of(
                    kb.withExamples(kb.examples().without("sixteenth round: the twelfth held-out part")));

            assertThat(unseen.match("skidki")).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("discounts"));
            assertThat(unseen.match("samovivoz")).isInstanceOfSatisfying(dev.olbot.kb.KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("pickup"));
        }

        @Test
        void aCompanysInvoiceIsAnsweredThoughExamplesAboutOfficesOutscoredItsQuestions() {
            // the ranker turned it away (out-of-scope examples about offices and companies); the classifier gives the invoice 0.87
            KnowledgeBase kb = KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE);
            dev.olbot.kb.KnowledgeBaseIndex unseen = dev.olbot.kb.KnowledgeBaseIndex.of(
                    kb.withExamples(kb.examples().without("sixteenth round: the twelfth held-out part")));

            assertThat(unseen.match("нам нужен счет на юрлицо, берём 5 мониторов в офис")).isInstanceOfSatisfying(
                    dev.olbot.kb.KbMatch.Answer.class, a -> assertThat(a.entry().id()).isEqualTo("invoice"));
        }

        private List<String> answeredAll(String text) {
            return index.match(text) instanceof dev.olbot.kb.KbMatch.Answer a ? a.entries().stream().map(e -> e.id()).toList()
                    : List.of("not answered: " + index.match(text));
        }

        @Test
        void aMessageThatReportsAnApprovedReturnAndAsksWhenTheMoneyArrivesIsAnsweredWithTheRefundTimeOnly() {
            assertThat(answeredAll("возврат оформлен и одобрен, а деньги когда на карту упадут?")).containsExactly("refund-time");
            assertThat(answeredAll("где мой заказ 48213907??? оплатила 20го, ни смс ни звонка, он вообще едет"))
                    .containsExactly("order-status");
        }

        @Test
        void aForgottenPasswordBesideAMissingSmsCodeIsAProblemAndBothAreAnswered() {
            assertThat(answeredAll("забыла пароль и смс с кодом не приходит, помогите")).containsExactly("password-reset", "sms-code");
            assertThat(answeredAll("отмените заказ 30219 пожалуйста, и когда вернутся деньги на карту"))
                    .containsExactly("order-cancel", "refund-time");
        }

        @Test
        void aStoryAboutTheShopThatNamesAnotherBusinessInPassingIsAnswered() {
            assertThat(answered("Добрый день. Прочитала в новостях про утечки данных из интернет-магазинов. Я у вас покупала и "
                    + "вводила карту. Скажите, вы храните данные карт и как защищаете мою информацию?")).isEqualTo("personal-data");
            assertThat(answered("Hello there! I was trying to place an order yesterday and the promo code from your newsletter "
                    + "just does not work, what should i do?")).isEqualTo("promo-code");
            assertThat(index.match("сколько стоит доставка пиццы")).isInstanceOf(dev.olbot.kb.KbMatch.NoAnswer.class);
        }

        @Test
        void aBareReplyIsNeverOfferedAKeyboard() {
            for (String text : List.of("нет", "ок", "да, спасибо", "no")) {
                assertThat(index.match(text)).as(text).isInstanceOf(dev.olbot.kb.KbMatch.NoAnswer.class);
            }
        }
    }
}
