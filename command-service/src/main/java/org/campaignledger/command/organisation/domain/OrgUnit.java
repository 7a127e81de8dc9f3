package org.campaignledger.command.organisation.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.campaignledger.command.domain.PlatformRules;
import org.campaignledger.command.domain.RuleViolation;
import org.campaignledger.kernel.id.PersonId;
import org.campaignledger.kernel.id.UnitId;
import org.campaignledger.kernel.organisation.Level;
import org.campaignledger.kernel.organisation.OrgUnitCommand.AppointDepartmentHead;
import org.campaignledger.kernel.organisation.OrgUnitCommand.AppointRosterMember;
import org.campaignledger.kernel.organisation.OrgUnitCommand.AssignPortfolio;
import org.campaignledger.kernel.organisation.OrgUnitCommand.DesignateContactPoint;
import org.campaignledger.kernel.organisation.OrgUnitCommand.DissolveUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.EndRosterMembership;
import org.campaignledger.kernel.organisation.OrgUnitCommand.FlagUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.MergeUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.ReclassifyUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.RegisterUnit;
import org.campaignledger.kernel.organisation.OrgUnitCommand.ReparentUnit;
import org.campaignledger.kernel.organisation.OrgUnitEvent.ContactPointDesignated;
import org.campaignledger.kernel.organisation.OrgUnitEvent.DepartmentHeadAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.PortfolioAssigned;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMemberAppointed;
import org.campaignledger.kernel.organisation.OrgUnitEvent.RosterMembershipEnded;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitDissolved;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitFlagged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitMerged;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReclassified;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitRegistered;
import org.campaignledger.kernel.organisation.UnitType;
import org.campaignledger.kernel.organisation.OrgUnitEvent.UnitReparented;

/** A unit of the org tree (DOMAIN §4.1). States: ACTIVE, then MERGED or DISSOLVED, which accept nothing more. */
public class OrgUnit {
    enum Status { ACTIVE, MERGED, DISSOLVED }

    @AggregateIdentifier
    private UnitId unitId;
    private Level level;
    private UnitType unitType;
    private UnitId parentUnitId;
    private UnitId jurisdictionUnitId;
    private Status status;
    private final Roster roster = new Roster();
    private final Set<PersonId> contactPointLeaders = new HashSet<>();

    protected OrgUnit() {
        // for event sourcing
    }

    @CommandHandler
    public OrgUnit(RegisterUnit command, UnitDirectory directory) {
        List<UnitId> ancestors = List.of();
        UnitId jurisdiction = command.jurisdictionUnitId();
        if (command.parentUnitId() != null) {
            var parent = placeUnder(command.unitId(), command.level(), command.parentUnitId(), directory);
            ancestors = parent.pathIncludingSelf();
            if (jurisdiction == null) {
                jurisdiction = isJurisdictionLevel(command.level()) ? command.unitId() : parent.jurisdictionUnitId();
            }
        } else if (jurisdiction == null && isJurisdictionLevel(command.level())) {
            jurisdiction = command.unitId();
        }
        if (jurisdiction != null && !jurisdiction.equals(command.unitId()) && !ancestors.contains(jurisdiction)) {
            throw new RuleViolation(PlatformRules.VALIDATION,
                    "the jurisdiction must be the unit itself or one of its ancestors",
                    Map.of("field", "jurisdictionUnitId"));
        }
        apply(new UnitRegistered(command.unitId(), command.code(), command.name(), command.level(),
                command.unitType(), command.partyOrgKind(), command.parentUnitId(), jurisdiction, command.flags(),
                ancestors));
    }

    /** R-ORG-01 on a move: the new parent exists, is not the unit or below it, and is not below the unit's level. */
    @CommandHandler
    void handle(ReparentUnit command, UnitDirectory directory) {
        requireActive();
        if (command.newParentUnitId().equals(parentUnitId)) {
            throw new RuleViolation(PlatformRules.STATE, "unit " + unitId + " is already under " + parentUnitId,
                    Map.of("field", "newParentUnitId"));
        }
        var parent = placeUnder(unitId, level, command.newParentUnitId(), directory);
        // The unit's own campaign office stays; an inherited one follows the new parent.
        UnitId jurisdiction = unitId.equals(jurisdictionUnitId) ? unitId : parent.jurisdictionUnitId();
        apply(new UnitReparented(unitId, parentUnitId, command.newParentUnitId(), parent.pathIncludingSelf(),
                jurisdiction, command.effectiveDate(), command.reason()));
    }

    @CommandHandler
    void handle(MergeUnit command, UnitDirectory directory) {
        requireActive();
        if (command.intoUnitId().equals(unitId)) {
            throw new RuleViolation(PlatformRules.VALIDATION, "a unit cannot be merged into itself",
                    Map.of("field", "intoUnitId"));
        }
        requireUnit(directory, command.intoUnitId(), "intoUnitId");
        apply(new UnitMerged(unitId, command.intoUnitId(), command.effectiveDate()));
    }

    @CommandHandler
    void handle(DissolveUnit command) {
        requireActive();
        apply(new UnitDissolved(unitId, command.effectiveDate(), command.reason()));
    }

    @CommandHandler
    void handle(FlagUnit command) {
        requireActive();
        apply(new UnitFlagged(unitId, command.flag(), command.value(), command.reason()));
    }

    /**
     * R-ORG-03: at most one main leader at any instant (DOMAIN-ERRATA M5; "exactly one" is checked when a
     * participation is registered). A new membership is open-ended, so it collides with every main
     * leadership that has not ended before it starts.
     */
    @CommandHandler
    void handle(AppointRosterMember command, PersonDirectory persons) {
        requireActive();
        requirePerson(persons, command.personId(), "personId");
        roster.membershipOverlapping(command.personId(), command.effectiveFrom()).ifPresent(e -> {
            throw new RuleViolation(PlatformRules.EXISTS, "person " + command.personId() + " is on the roster of "
                    + unitId + " from " + e.from() + (e.to() == null ? "" : " to " + e.to()),
                    Map.of("field", "personId"));
        });
        if (command.mainLeader()) {
            roster.mainLeaderOverlapping(command.effectiveFrom()).ifPresent(e -> {
                throw new RuleViolation("R-ORG-03", "unit " + unitId + " already has main leader " + e.personId()
                        + " from " + e.from() + (e.to() == null ? " with no end date" : " to " + e.to()),
                        Map.of("field", "mainLeader", "mainLeaderPersonId", e.personId().value()));
            });
        }
        apply(new RosterMemberAppointed(unitId, command.personId(), command.position(), command.mainLeader(),
                command.effectiveFrom()));
    }

    @CommandHandler
    void handle(EndRosterMembership command) {
        requireActive();
        RosterEntry entry = roster.openMembership(command.personId()).orElseThrow(() -> new RuleViolation(
                PlatformRules.NOT_FOUND, "person " + command.personId() + " is not on the roster of " + unitId,
                Map.of("field", "personId")));
        if (command.effectiveTo().isBefore(entry.from())) {
            throw new RuleViolation(PlatformRules.VALIDATION, "effectiveTo " + command.effectiveTo()
                    + " is before the membership began on " + entry.from(), Map.of("field", "effectiveTo"));
        }
        apply(new RosterMembershipEnded(unitId, command.personId(), command.effectiveTo(), command.reason()));
    }

    /** R-ORG-04: the member must be on the roster as of the day the portfolio takes effect. */
    @CommandHandler
    void handle(AssignPortfolio command, UnitDirectory directory) {
        requireActive();
        if (!roster.isOnRoster(command.memberPersonId(), command.effectiveFrom())) {
            throw new RuleViolation("R-ORG-04", "person " + command.memberPersonId() + " is not on the roster of "
                    + unitId + " on " + command.effectiveFrom(), Map.of("field", "memberPersonId"));
        }
        command.departmentUnitIds().forEach(d -> requireUnit(directory, d, "departmentUnitIds"));
        apply(new PortfolioAssigned(unitId, command.memberPersonId(), command.departmentUnitIds(),
                command.effectiveFrom()));
    }

    @CommandHandler
    void handle(AppointDepartmentHead command, UnitDirectory directory, PersonDirectory persons) {
        requireActive();
        requireUnit(directory, command.departmentUnitId(), "departmentUnitId");
        requirePerson(persons, command.personId(), "personId");
        apply(new DepartmentHeadAppointed(unitId, command.departmentUnitId(), command.personId(),
                command.effectiveFrom()));
    }

    /** R-ORG-06: a contact point is picked by a leader of a higher level than the unit. */
    @CommandHandler
    void handle(DesignateContactPoint command, PersonDirectory persons) {
        requireActive();
        requirePerson(persons, command.leaderPersonId(), "leaderPersonId");
        if (command.leaderLevel() == level || !command.leaderLevel().isAtOrAbove(level)) {
            throw new RuleViolation("R-ORG-06", "a " + command.leaderLevel() + " leader cannot take the " + level
                    + " unit " + unitId + " as a contact point; the leader's level must be higher",
                    Map.of("field", "leaderLevel", "leaderLevel", command.leaderLevel().name(), "level", level.name()));
        }
        if (contactPointLeaders.contains(command.leaderPersonId())) {
            throw new RuleViolation(PlatformRules.EXISTS, "unit " + unitId + " is already a contact point of "
                    + command.leaderPersonId(), Map.of("field", "leaderPersonId"));
        }
        apply(new ContactPointDesignated(unitId, command.leaderPersonId(), command.leaderLevel(),
                command.effectiveFrom()));
    }

    /** R-ORG-02: meeting type, material and review chains hang on the type, so it freezes at Stage 2. */
    @CommandHandler
    void handle(ReclassifyUnit command, UnitStages stages) {
        requireActive();
        if (command.newType() == unitType) {
            throw new RuleViolation(PlatformRules.VALIDATION, "unit " + unitId + " is already " + unitType,
                    Map.of("field", "newType"));
        }
        if (stages.hasReachedStage2(unitId)) {
            throw new RuleViolation("R-ORG-02", "unit " + unitId + " has reached Stage 2; its type " + unitType
                    + " is frozen and corrections go through the campaign office", Map.of("field", "newType"));
        }
        apply(new UnitReclassified(unitId, unitType, command.newType(), command.reason()));
    }

    private UnitDirectory.UnitFacts placeUnder(UnitId child, Level childLevel, UnitId parentId,
                                               UnitDirectory directory) {
        var parent = directory.find(parentId).orElseThrow(() -> new RuleViolation("R-ORG-01",
                "parent unit " + parentId + " is not registered",
                Map.of("field", "parentUnitId", "parentUnitId", parentId.value())));
        // R-ORG-01: the tree is acyclic and a child's level is never above its parent's.
        if (parent.pathIncludingSelf().contains(child)) {
            throw new RuleViolation("R-ORG-01", "unit " + child + " cannot be its own ancestor",
                    Map.of("field", "parentUnitId"));
        }
        if (!parent.level().isAtOrAbove(childLevel)) {
            throw new RuleViolation("R-ORG-01", "a " + childLevel + " unit cannot be placed under the "
                    + parent.level() + " unit " + parent.unitId(),
                    Map.of("field", "level", "level", childLevel.name(), "parentLevel", parent.level().name()));
        }
        return parent;
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new RuleViolation(PlatformRules.STATE, "unit " + unitId + " is " + status
                    + " and accepts no further commands", Map.of("state", status.name()));
        }
    }

    private static void requireUnit(UnitDirectory directory, UnitId id, String field) {
        if (directory.find(id).isEmpty()) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "unit " + id + " is not registered",
                    Map.of("field", field));
        }
    }

    private static void requirePerson(PersonDirectory persons, PersonId id, String field) {
        if (!persons.exists(id)) {
            throw new RuleViolation(PlatformRules.NOT_FOUND, "person " + id + " is not registered",
                    Map.of("field", field));
        }
    }

    /** Campaign offices sit at county and city level (DOMAIN §4.3), so those units coordinate their subtree. */
    private static boolean isJurisdictionLevel(Level level) {
        return level == Level.COUNTY || level == Level.CITY;
    }

    @EventSourcingHandler
    void on(UnitReclassified event) {
        unitType = event.newType();
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        unitId = event.unitId();
        level = event.level();
        unitType = event.unitType();
        parentUnitId = event.parentUnitId();
        jurisdictionUnitId = event.jurisdictionUnitId();
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(UnitReparented event) {
        parentUnitId = event.newParentUnitId();
        jurisdictionUnitId = event.jurisdictionUnitId();
    }

    @EventSourcingHandler
    void on(UnitMerged event) {
        status = Status.MERGED;
    }

    @EventSourcingHandler
    void on(UnitDissolved event) {
        status = Status.DISSOLVED;
    }

    @EventSourcingHandler
    void on(RosterMemberAppointed event) {
        roster.add(new RosterEntry(event.personId(), event.position(), event.mainLeader(), event.effectiveFrom(),
                null));
    }

    @EventSourcingHandler
    void on(RosterMembershipEnded event) {
        roster.end(event.personId(), event.effectiveTo());
    }

    @EventSourcingHandler
    void on(ContactPointDesignated event) {
        contactPointLeaders.add(event.leaderPersonId());
    }
}
