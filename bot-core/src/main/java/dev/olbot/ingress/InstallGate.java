package dev.olbot.ingress;

import dev.olbot.event.AppInstalled;
import dev.olbot.rest.InstallNotConfirmedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an {@code ONAPPINSTALL} becomes trusted. The ingress answers it like any delivery, then —
 * in the portal's lane, off the event loop — asks the {@link InstallConfirmer}; only a confirmed
 * install has its {@code application_token} learned into the {@link InstallRegistry} (and its
 * tokens stored, by the confirmer) and reaches the bot. An unconfirmed one leaves nothing behind
 * and costs one log line (rate-limited). At most {@code perMinute} confirmations are attempted per
 * minute, so a flood of forged installs cannot make this server flood the authorisation server.
 */
public final class InstallGate {

    private static final Logger log = LoggerFactory.getLogger(InstallGate.class);

    private final InstallRegistry installs;
    private final InstallConfirmer confirmer;
    private final int perMinute;
    private final BadInputLog refused = new BadInputLog(log, 10, 60_000);
    private final FixedWindow budget;

    private InstallGate(InstallRegistry installs, InstallConfirmer confirmer, int perMinute) {
        this.installs = installs;
        this.confirmer = confirmer;
        this.perMinute = perMinute;
        this.budget = new FixedWindow(perMinute, 60_000);
    }

    /** A gate that learns confirmed installs into {@code installs}; 60 confirmations a minute at most. */
    public static InstallGate of(InstallRegistry installs, InstallConfirmer confirmer) {
        return new InstallGate(installs, confirmer, 60);
    }

    /** The same with another cap on confirmations per minute. */
    public static InstallGate of(InstallRegistry installs, InstallConfirmer confirmer, int perMinute) {
        return new InstallGate(installs, confirmer, perMinute);
    }

    public InstallRegistry installs() {
        return installs;
    }

    /**
     * Confirms {@code install}; true when it may reach the bot. Blocks while the confirmer works.
     */
    public boolean admit(AppInstalled install) {
        String portal = install.meta().portal().key();
        if (!budget.tryAcquire(missed -> { })) {
            refused.warn("install of portal {} not confirmed: more than {} installs a minute", portal, perMinute);
            return false;
        }
        try {
            confirmer.confirm(install);
        } catch (InstallNotConfirmedException e) {
            refused.warn("{}", e.getMessage());
            return false;
        }
        String token = install.meta().auth().applicationToken().orElse("");
        installs.remember(portal, token);
        log.info("install of portal {} ({}) confirmed", portal,
                dev.olbot.wire.LogSafe.escape(install.meta().portal().domain()));
        return true;
    }
}
