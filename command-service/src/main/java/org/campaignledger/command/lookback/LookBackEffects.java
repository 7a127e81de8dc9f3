package org.campaignledger.command.lookback;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.campaignledger.kernel.envelope.MetaDataKeys;
import org.campaignledger.kernel.id.LookBackId;
import org.campaignledger.kernel.lookback.LookBackCommand.RecordRedoCompleted;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeAmended;
import org.campaignledger.kernel.lookback.LookBackEvent.LookBackOutcomeDecided;
import org.campaignledger.kernel.lookback.MakeUpActivity;
import org.campaignledger.kernel.lookback.OutcomeTerms;
import org.campaignledger.kernel.participation.ParticipationCommand.ExtendStage;
import org.campaignledger.kernel.participation.ParticipationCommand.ReopenStage;
import org.campaignledger.kernel.participation.ParticipationEvent.StageCompleted;
import org.campaignledger.kernel.participation.ParticipationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The LookBackEffectsSaga of DOMAIN §4.19 (R-UNP-23, DOMAIN-ERRATA B1 and B3), stateless: an outcome that acts on
 * the participation is sent to it as it is decided or amended, and the completion of a stage a REDO reopened is
 * reported back to the look-back. {@code LOOKBACK_CLEARED} is the meeting preparation's to credit (B1). A replay
 * of the processor must not reopen stages again, hence no replay.
 */
@Component
@ProcessingGroup("lookback-effects")
@DisallowReplay
class LookBackEffects {
    private static final Logger LOG = LoggerFactory.getLogger(LookBackEffects.class);
    private final CommandGateway commands;
    private final JdbcLookBackLookups lookups;

    LookBackEffects(CommandGateway commands, JdbcLookBackLookups lookups) {
        this.commands = commands;
        this.lookups = lookups;
    }

    @EventHandler
    void on(LookBackOutcomeDecided event, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        act(event.participationId(), event.reviewedStage(), event.lookBackId(), event.terms(), occurredAt);
    }

    @EventHandler
    void on(LookBackOutcomeAmended event, @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        act(event.participationId(), event.reviewedStage(), event.lookBackId(), event.terms(), occurredAt);
    }

    @EventHandler
    void on(StageCompleted event, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.OCCURRED_AT) String occurredAt) {
        lookups.redoEndedBy(event.participationId(), event.stage(), sequence).ifPresent(lookBackId ->
                send(new RecordRedoCompleted(lookBackId, event.stage(), event.date()), occurredAt));
    }

    private void act(ParticipationId participationId, int reviewedStage, LookBackId lookBackId, OutcomeTerms terms,
                     String occurredAt) {
        switch (terms.outcome()) {
            case EXTEND_AND_MAKE_UP -> send(new ExtendStage(participationId, reviewedStage, terms.newStageEnd(),
                    lookBackId.value(), terms.makeUpActivities().stream().map(MakeUpActivity::description).toList()),
                    occurredAt);
            case REDO -> send(new ReopenStage(participationId, reviewedStage, lookBackId.value(), terms.redoScope()),
                    occurredAt);
            case PASS, RECTIFY_BY_DEADLINE -> {
                // These act on the look-back itself, not on the participation.
            }
        }
    }

    /** The command takes the business time of the event it follows from. */
    private void send(Object command, String occurredAt) {
        MetaData metaData = MetaData.with(MetaDataKeys.ACTOR_ID, "SYSTEM")
                .and(MetaDataKeys.ACTOR_ROLES, "SYSTEM")
                .and(MetaDataKeys.ACTOR_CHANNEL, "SYSTEM");
        commands.send(command, occurredAt == null ? metaData : metaData.and(MetaDataKeys.OCCURRED_AT, occurredAt))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        LOG.warn("look-back effect {} was rejected: {}", command, failure.getMessage());
                    }
                });
    }
}
