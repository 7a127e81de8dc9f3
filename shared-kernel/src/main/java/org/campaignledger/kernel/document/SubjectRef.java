package org.campaignledger.kernel.document;

import java.util.regex.Pattern;
import org.campaignledger.kernel.command.InvalidCommandException;

/**
 * The meeting or evaluation a document is about. Those aggregates' ids are deterministic
 * ({@code participationId:M:<instanceNo>}, DOMAIN-ERRATA I4), so the reference is kept as its plain string.
 */
public record SubjectRef(Kind kind, String id) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9:._-]{1,200}");

    public enum Kind { NONE, MEETING, EVALUATION }

    public SubjectRef {
        InvalidCommandException.required(kind, "subjectRef.kind");
        if (kind == Kind.NONE) {
            throw new InvalidCommandException("subjectRef.kind", "leave subjectRef out instead of naming NONE");
        }
        if (id == null || !SYNTAX.matcher(id).matches()) {
            throw new InvalidCommandException("subjectRef.id",
                    "must be 1-200 characters of A-Z, a-z, 0-9, ':', '.', '_' or '-'");
        }
    }
}
