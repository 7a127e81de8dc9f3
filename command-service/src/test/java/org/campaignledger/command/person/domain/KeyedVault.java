package org.campaignledger.command.person.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignledger.command.InMemoryDirectories;
import org.campaignledger.command.vault.Shredder;
import org.campaignledger.command.vault.Vault;

/** A vault that knows its subjects' key states and gives PII a keyed digest, as JdbcVault does. */
final class KeyedVault implements Vault, Shredder {
    final Map<String, KeyState> subjects = new LinkedHashMap<>();
    final List<String> contents = new ArrayList<>();

    KeyedVault active(String subject) {
        subjects.put(subject, KeyState.ACTIVE);
        return this;
    }

    /** Stands in for the HMAC under the subject's key: the same content under another subject differs. */
    static String keyedDigest(String subject, String content) {
        return InMemoryDirectories.sha256("key of " + subject + "|" + content);
    }

    @Override
    public Ref put(String subject, DataClass dataClass, String content) {
        subjects.putIfAbsent(subject, KeyState.ACTIVE);
        contents.add(content);
        String token = "vlt_" + contents.size();
        return dataClass == DataClass.PII ? new Ref(token, null, keyedDigest(subject, content))
                : new Ref(token, InMemoryDirectories.sha256(content));
    }

    @Override
    public KeyState state(String subject) {
        return subjects.getOrDefault(subject, KeyState.NONE);
    }

    @Override
    public void shred(String subject) {
        subjects.replace(subject, KeyState.ACTIVE, KeyState.SHREDDED);
    }
}
