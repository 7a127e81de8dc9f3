package org.campaignledger.command.domain;

import java.util.Map;
import java.util.Set;

/**
 * The one state guard of every aggregate's state machine: a command that the current state does not allow is
 * refused with {@link PlatformRules#STATE}, naming the state in the message and in {@code details.state}, so a
 * client learns where the aggregate stands without a second request.
 */
public final class StateGuard {
    private StateGuard() {
    }

    /** Refuses unless {@code current} is one of {@code allowed}; {@code subject} names the aggregate ("rollout"). */
    public static <S extends Enum<S>> void requireState(String subject, S current, Set<S> allowed) {
        requireState(subject, current, allowed, "");
    }

    /** As above, with {@code why} appended to the message to say what the client should do instead. */
    public static <S extends Enum<S>> void requireState(String subject, S current, Set<S> allowed, String why) {
        if (!allowed.contains(current)) {
            throw new RuleViolation(PlatformRules.STATE, "the " + subject + " is " + current + why,
                    Map.of("state", String.valueOf(current)));
        }
    }
}
