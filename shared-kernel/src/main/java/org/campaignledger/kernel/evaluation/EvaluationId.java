package org.campaignledger.kernel.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.campaignledger.kernel.command.InvalidCommandException;
import org.campaignledger.kernel.participation.ParticipationEnums.EvaluationType;
import org.campaignledger.kernel.participation.ParticipationId;

/**
 * Identity of one evaluation attempt, {@code participationId:<type>:<attemptNo>} (DOMAIN-ERRATA I4): deterministic,
 * so "one attempt n per participation and type" holds by the aggregate already existing.
 */
public record EvaluationId(@JsonValue String value) {
    public EvaluationId {
        if (value == null || !value.matches("[A-Za-z0-9:._-]{1,240}:(STAGE_1|POST_MEETING|OVERALL|SG_ASSESSMENT):[1-9][0-9]{0,2}")) {
            throw new InvalidCommandException("evaluationId", "must be participationId:type:attemptNo");
        }
        ParticipationId.of(value.substring(0, value.lastIndexOf(':', value.lastIndexOf(':') - 1)));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EvaluationId of(String value) {
        return new EvaluationId(value);
    }

    public static EvaluationId of(ParticipationId participationId, EvaluationType type, int attemptNo) {
        return new EvaluationId(participationId.value() + ":" + type.name() + ":" + attemptNo);
    }

    public ParticipationId participationId() {
        return ParticipationId.of(value.substring(0, value.lastIndexOf(':', value.lastIndexOf(':') - 1)));
    }

    public EvaluationType type() {
        int last = value.lastIndexOf(':');
        return EvaluationType.valueOf(value.substring(value.lastIndexOf(':', last - 1) + 1, last));
    }

    public int attemptNo() {
        return Integer.parseInt(value.substring(value.lastIndexOf(':') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
