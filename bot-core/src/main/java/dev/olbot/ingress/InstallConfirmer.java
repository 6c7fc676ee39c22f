package dev.olbot.ingress;

import dev.olbot.event.AppInstalled;
import dev.olbot.rest.InstallNotConfirmedException;
import dev.olbot.rest.RestClient;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * SPI: confirms that an {@code ONAPPINSTALL} comes from a portal that really installed this
 * application, before the {@link InstallGate} trusts it. The default, {@link #oauthServer}, asks the
 * trusted authorisation server ({@link RestClient#confirmInstall}) and stores the install's tokens
 * when it agrees.
 */
@FunctionalInterface
public interface InstallConfirmer {

    /**
     * Confirms {@code install} or throws. Runs off the event loop, in the portal's lane; may block.
     *
     * @throws InstallNotConfirmedException with a one-line reason when the install is not genuine
     */
    void confirm(AppInstalled install);

    /** Confirms through {@code rest}'s trusted authorisation server and stores the tokens on success. */
    static InstallConfirmer oauthServer(RestClient rest) {
        return install -> {
            try {
                rest.confirmInstall(install.meta().portal(), install.meta().auth()).toCompletionStage().toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new InstallNotConfirmedException(install.meta().portal().key(), String.valueOf(e.getCause()));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new InstallNotConfirmedException(install.meta().portal().key(), "the OAuth server did not answer in 60 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InstallNotConfirmedException(install.meta().portal().key(), "interrupted");
            }
        };
    }
}
