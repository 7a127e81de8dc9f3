package org.campaignledger.command.pipeline;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Makes {@code expectedVersion} strict: a command written against an older version of its aggregate is
 * rejected as a conflict before its handler runs, whatever the handler would have decided. Axon on its own
 * only checks at commit, so a stale command could otherwise fail with a state rule instead of a 409.
 * Registered through {@code META-INF/services}, so aggregate test fixtures behave the same.
 */
public class StrictExpectedVersion implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(CommandMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (target != null) {
                    ConflictResolution.getConflictResolver().detectConflicts(unseenEvents -> !unseenEvents.isEmpty());
                }
                return super.handle(message, target);
            }
        };
    }
}
