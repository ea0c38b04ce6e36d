package io.latchkey.testsupport;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Contract tests of the internal APIs (docs/internal-api.md): a request body is exactly the JSON the peer's record
 * (oauth-common {@code io.latchkey.common.contract}) serializes to, and an answer is read back into the peer's record
 * strictly: a member the record does not know, or a member of the record the answer lacks, fails the test (whatever
 * {@code @JsonIgnoreProperties} the record carries for production leniency).
 */
public final class ContractJson {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ContractJson() {
    }

    /** The body a peer sends: the record as Jackson writes it. */
    public static String write(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (Exception e) {
            throw new AssertionError("cannot serialize " + record, e);
        }
    }

    /** The answer read into the peer's record; fails unless its members are exactly the record's. */
    public static <T> T read(String body, Class<T> type) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new AssertionError("not a JSON object: " + body);
        }
        Set<String> sent = new TreeSet<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            sent.add(names.next());
        }
        Set<String> expected = members(type);
        if (!sent.equals(expected)) {
            Set<String> unknown = new TreeSet<>(sent);
            unknown.removeAll(expected);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(sent);
            throw new AssertionError(type.getSimpleName() + " contract broken: unknown members " + unknown
                    + ", missing members " + missing + " in " + body);
        }
        try {
            return JSON.treeToValue(tree, type);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + type.getSimpleName() + " from " + body, e);
        }
    }

    /** The wire names of a record's members, as Jackson reads and writes them. */
    public static Set<String> members(Class<?> type) {
        BeanDescription description = JSON.getSerializationConfig().introspect(JSON.constructType(type));
        return description.findProperties().stream()
                .filter(BeanPropertyDefinition::couldSerialize)
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
