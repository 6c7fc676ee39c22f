package dev.olbot.testkit.junit;

import dev.olbot.bot.BotProvider;
import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.ScenarioTests;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * JUnit 5 extension (needs junit-jupiter on the test class path): starts a {@link BotTestKit} per test or per
 * class, passes it to test methods that take a {@code BotTestKit} parameter, closes it afterwards, and when a
 * test fails prints the fake account's transcript (what the client, the bot and the operator said, and the
 * session events) to standard output, where the test report keeps it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static BotTestKitExtension kit = BotTestKitExtension.perTest(o -> o.bot(ShopBot.create()));
 *
 * @Test
 * void answersDelivery(BotTestKit kit) {
 *     kit.run(Scenario.named("delivery").clientSays("delivery?").expectReply(contains("tomorrow")).build()).assertPassed();
 * }
 *
 * @TestFactory
 * Stream<DynamicTest> scenarioFiles() {
 *     return kit.scenarios(Path.of("src/test/scenarios"));   // every file, each on a fresh kit
 * }
 * }</pre>
 *
 * Or {@code @ExtendWith(BotTestKitExtension.class)} with {@link WithBot @WithBot(ShopBot.class)} on the class.
 */
public final class BotTestKitExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BotTestKitExtension.class);
    private static final String KIT = "kit";

    private final Consumer<BotTestKit.Options> options;
    private final boolean perClass;
    private final PrintStream out;

    /** For {@code @ExtendWith}: the bot comes from {@link WithBot} on the test class. */
    public BotTestKitExtension() {
        this(null, false, System.out);
    }

    private BotTestKitExtension(Consumer<BotTestKit.Options> options, boolean perClass, PrintStream out) {
        this.options = options;
        this.perClass = perClass;
        this.out = out;
    }

    /** A fresh kit for every test. */
    public static BotTestKitExtension perTest(Consumer<BotTestKit.Options> options) {
        return new BotTestKitExtension(options, false, System.out);
    }

    /** One kit for all tests of the class (and its {@code @Nested} classes); dialogs carry over between tests. */
    public static BotTestKitExtension perClass(Consumer<BotTestKit.Options> options) {
        return new BotTestKitExtension(options, true, System.out);
    }

    /** Prints transcripts of failed tests to {@code out} instead of standard output. */
    public BotTestKitExtension printingTo(PrintStream out) {
        return new BotTestKitExtension(options, perClass, out);
    }

    /**
     * Every {@code *.convo} file below {@code folder} as one dynamic test on a fresh kit with this extension's
     * options. A file that does not parse becomes a failing test of its own; the other files still run.
     */
    public Stream<DynamicTest> scenarios(Path folder) {
        if (options == null) {
            throw new IllegalStateException("scenarios(folder) needs the extension built with perTest(...) or perClass(...)");
        }
        return ScenarioTests.from(folder, () -> BotTestKit.start(options));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass(context)) {
            context.getStore(NAMESPACE).getOrComputeIfAbsent(KIT, k -> start(context), BotTestKit.class);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass(context)) {
            context.getStore(NAMESPACE).put(KIT, start(context));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass(context)) {
            close(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass(context)) {
            close(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BotTestKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BotTestKit kit = context.getStore(NAMESPACE).get(KIT, BotTestKit.class);
        if (kit == null) {
            throw new ParameterResolutionException("no BotTestKit is running for " + context.getDisplayName()
                    + " (a per-test kit cannot be injected into @BeforeAll or a constructor; use perClass)");
        }
        return kit;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        BotTestKit kit = context.getStore(NAMESPACE).get(KIT, BotTestKit.class);
        if (kit != null) {
            out.println("--- transcript of the fake Bitrix24 account for '" + context.getDisplayName() + "' ---");
            kit.fake().transcript().lines().forEach(out::println);
            out.println("--- end of transcript ---");
            out.flush();
        }
        throw failure;
    }

    private boolean perClass(ExtensionContext context) {
        return options != null ? perClass : withBot(context).perClass();
    }

    private BotTestKit start(ExtensionContext context) {
        if (options != null) {
            return BotTestKit.start(options);
        }
        BotProvider provider = provider(withBot(context).value());
        return BotTestKit.start(o -> {
            o.bot(provider.create(Optional.empty()));
            provider.prepare(o);
        });
    }

    private static WithBot withBot(ExtensionContext context) {
        for (Optional<Class<?>> c = context.getTestClass(); c.isPresent(); c = Optional.ofNullable(c.get().getEnclosingClass())) {
            WithBot found = c.get().getAnnotation(WithBot.class);
            if (found != null) {
                return found;
            }
        }
        throw new ExtensionConfigurationException("BotTestKitExtension: annotate " + context.getTestClass().map(Class::getName)
                .orElse("the test class") + " with @WithBot(YourBotProvider.class), or register the extension with"
                + " @RegisterExtension static BotTestKitExtension kit = BotTestKitExtension.perTest(o -> o.bot(...))");
    }

    private static BotProvider provider(Class<? extends BotProvider> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("@WithBot(" + type.getName() + ".class): needs a public no-argument constructor", e);
        }
    }

    private static void close(ExtensionContext context) {
        BotTestKit kit = context.getStore(NAMESPACE).remove(KIT, BotTestKit.class);
        if (kit != null) {
            kit.close();
        }
    }
}
