package org.campaignledger.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.campaignledger.kernel.campaign.CampaignCommand;
import org.campaignledger.kernel.campaign.CampaignEvent;
import org.campaignledger.kernel.command.LedgerCommand;
import org.campaignledger.kernel.command.LedgerEvent;
import org.campaignledger.kernel.document.DocumentCommand;
import org.campaignledger.kernel.document.DocumentEvent;
import org.campaignledger.kernel.evaluation.PublicEvaluationCommand;
import org.campaignledger.kernel.evaluation.PublicEvaluationEvent;
import org.campaignledger.kernel.lookback.LookBackCommand;
import org.campaignledger.kernel.lookback.LookBackEvent;
import org.campaignledger.kernel.opinion.OpinionCommand;
import org.campaignledger.kernel.opinion.OpinionEvent;
import org.campaignledger.kernel.organisation.OrgUnitCommand;
import org.campaignledger.kernel.organisation.OrgUnitEvent;
import org.campaignledger.kernel.participation.ParticipationCommand;
import org.campaignledger.kernel.participation.ParticipationEvent;
import org.campaignledger.kernel.person.PersonCommand;
import org.campaignledger.kernel.person.PersonEvent;
import org.campaignledger.kernel.rollout.RolloutCommand;
import org.campaignledger.kernel.rollout.RolloutEvent;
import org.campaignledger.kernel.supervision.SupervisionGroupCommand;
import org.campaignledger.kernel.supervision.SupervisionGroupEvent;

/**
 * Every command and event type by its simple name, read from the sealed interfaces: adding a record to a
 * sealed interface is all it takes to expose a command on the API or to let the query side read an event.
 */
public final class Catalog {
    private static final List<Class<?>> COMMAND_ROOTS =
            List.of(OrgUnitCommand.class, PersonCommand.class, CampaignCommand.class, RolloutCommand.class,
                    SupervisionGroupCommand.class, OpinionCommand.class, ParticipationCommand.class,
                    LookBackCommand.class, PublicEvaluationCommand.class, DocumentCommand.class);
    private static final List<Class<?>> EVENT_ROOTS =
            List.of(OrgUnitEvent.class, PersonEvent.class, CampaignEvent.class, RolloutEvent.class,
                    SupervisionGroupEvent.class, OpinionEvent.class, ParticipationEvent.class,
                    LookBackEvent.class, PublicEvaluationEvent.class, DocumentEvent.class);

    private static final Map<String, Class<? extends LedgerCommand>> COMMANDS = index(COMMAND_ROOTS, LedgerCommand.class);
    private static final Map<String, Class<? extends LedgerEvent>> EVENTS = index(EVENT_ROOTS, LedgerEvent.class);

    private Catalog() {
    }

    public static Optional<Class<? extends LedgerCommand>> command(String simpleName) {
        return Optional.ofNullable(COMMANDS.get(simpleName));
    }

    public static Optional<Class<? extends LedgerEvent>> event(String simpleName) {
        return Optional.ofNullable(EVENTS.get(simpleName));
    }

    public static Map<String, Class<? extends LedgerCommand>> commands() {
        return COMMANDS;
    }

    public static Map<String, Class<? extends LedgerEvent>> events() {
        return EVENTS;
    }

    private static <T> Map<String, Class<? extends T>> index(List<Class<?>> roots, Class<T> type) {
        Map<String, Class<? extends T>> byName = new LinkedHashMap<>();
        for (Class<?> root : roots) {
            for (Class<?> permitted : root.getPermittedSubclasses()) {
                if (byName.put(permitted.getSimpleName(), permitted.asSubclass(type)) != null) {
                    throw new IllegalStateException("two types are named " + permitted.getSimpleName());
                }
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
