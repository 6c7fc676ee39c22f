package dev.olbot.ingress;

/**
 * Who polls {@code imbot.v2.Event.get} for one bot on one portal when several instances run it: one
 * leader at a time, holding a lease it renews while it lives. A leader that dies stops renewing; after
 * the lease another instance leads and continues from the shared confirmed offset. The events
 * between that offset and the crash are fetched again; those the dead leader had handled are
 * recognised by their handled marks and skipped, the others are handled now.
 *
 * <p>All methods may block (a remote store); the {@link EventPoller} calls them on its own thread.
 */
public interface PollLease {

    /**
     * True when this instance may poll now: it holds the lease (renewed by this call) or took it because
     * it was free. False while another instance holds it.
     */
    boolean lead();

    /** The confirmed offset, shared by every instance; saving it is refused once the lease was lost. */
    EventPoller.OffsetStore offsets();

    /**
     * Whether the event with this dedupe key was handled by a leader before (this one, or one that died
     * before it confirmed the offset past it).
     */
    boolean handled(String dedupeKey);

    /** Records that the event with this dedupe key was handled. */
    void markHandled(String dedupeKey);

    /** Gives the lease up (only if this instance still holds it), so another instance leads at once. */
    void release();

    /** One instance polls alone: always the leader; duplicates are the ingress's dedupe store's business. */
    static PollLease alone(EventPoller.OffsetStore offsets) {
        return new PollLease() {
            @Override
            public boolean lead() {
                return true;
            }

            @Override
            public EventPoller.OffsetStore offsets() {
                return offsets;
            }

            @Override
            public boolean handled(String dedupeKey) {
                return false;
            }

            @Override
            public void markHandled(String dedupeKey) {
                // the ingress's dedupe store remembers what it saw
            }

            @Override
            public void release() {
                // nothing is held
            }

            @Override
            public boolean shared() {
                return false;
            }
        };
    }

    /**
     * True when instances share the bot: the poller then dedupes fetched events by the handled marks
     * (an event another leader took but never handled must be handled now, so the ingress's "seen"
     * keys cannot decide).
     */
    default boolean shared() {
        return true;
    }
}
