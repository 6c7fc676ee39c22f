package dev.olbot.examples.cli;

import dev.olbot.bot.BotProvider;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code olbot} launcher: {@code java -jar bot-examples/target/olbot.jar <command>}, or a team's own
 * {@code main} with {@link #run(String[], BotProvider...)}.
 */
@Command(
        name = "olbot",
        mixinStandardHelpOptions = true,
        version = "olbot 0.1.0",
        description = "Run, inspect and test Bitrix24 Open Lines bots built with OLBot.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:done; every scenario passed; the event decoded",
            "1:a scenario failed; the inspected file is not a Bitrix24 event",
            "2:a mistake in what was given (option, bot, file, properties key, config value)",
            "3:the environment stands in the way (port taken, file unreadable)",
            "4:an unexpected error (run again with --verbose and report it)"},
        subcommands = {CommandLine.HelpCommand.class, ChatCommand.class, ServeCommand.class, ScenarioCommand.class, InspectCommand.class, BenchCommand.class, WebchatCommand.class,
            PortalCommand.class, EmulatorCommand.class})
public final class Olbot implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    VerboseOption verbose = new VerboseOption();

    private final BotCatalog catalog;
    private final InputStream in;

    public Olbot() {
        this(System.in, List.of());
    }

    private Olbot(InputStream in, List<BotProvider> bots) {
        this.catalog = new BotCatalog(bots);
        this.in = in;
    }

    BotCatalog catalog() {
        return catalog;
    }

    /** What {@code chat} reads the client's lines from. */
    InputStream input() {
        return in;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the launcher with {@code bots} known besides those on the class path, and returns the exit code:
     * a team's own {@code main} is {@code System.exit(Olbot.run(args, new ShopBot()))}, and then
     * {@code chat shop}, {@code scenario --bot shop ...} and {@code serve shop} run that bot.
     */
    public static int run(String[] args, BotProvider... bots) {
        return commandLine(System.in, bots).execute(args);
    }

    /** The launcher's command line: mistakes end in one line on stderr and an exit code (see {@link ExitCode}). */
    static CommandLine commandLine(InputStream in, BotProvider... bots) {
        CommandLine cl = new CommandLine(new Olbot(in, List.of(bots)));
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(name + ": " + BotCatalog.firstLine(ex.getMessage()) + " (see '" + name + " --help')");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            PrintWriter err = c.getErr();
            int code;
            String message;
            if (ex instanceof CliFailure f) {
                code = f.exitCode();
                message = f.getMessage();
            } else if (ex instanceof IllegalArgumentException) {
                code = ExitCode.USAGE;
                message = BotCatalog.firstLine(ex.getMessage());
            } else {
                code = ExitCode.INTERNAL;
                message = "unexpected " + ex.getClass().getName() + ": " + BotCatalog.firstLine(ex.getMessage())
                        + (parsed.originalArgs().contains("--verbose") ? "" : " (run again with --verbose for the stack trace)");
            }
            err.println(c.getCommandSpec().qualifiedName() + ": " + message);
            if (parsed.originalArgs().contains("--verbose")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return cl;
    }
}
