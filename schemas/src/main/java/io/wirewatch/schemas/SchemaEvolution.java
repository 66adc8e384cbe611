package io.wirewatch.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Checks that a new version of the contract is BACKWARD compatible with the previous one: a consumer using the new
 * schemas reads every record written with the old ones. Uses Avro's own {@link SchemaCompatibility}.
 */
public final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /** One problem found: which record, and what Avro's checker said, in words a person can act on. */
    public record Problem(String schema, String description) {
        @Override
        public String toString() {
            return schema + ": " + description;
        }
    }

    /**
     * Compares each previous top-level schema with the current schema of the same full name.
     *
     * @return every problem found; empty when the current contract is BACKWARD compatible
     */
    public static List<Problem> backwardProblems(Map<String, Schema> previous, Map<String, Schema> current) {
        List<Problem> problems = new ArrayList<>();
        previous.forEach((name, writer) -> {
            Schema reader = current.get(name);
            if (reader == null) {
                problems.add(new Problem(name, "removed from the contract; subscribers still read it"));
                return;
            }
            problems.addAll(backwardProblems(writer, reader));
        });
        return problems;
    }

    /** Problems reading data written with {@code writer} using {@code reader}. */
    public static List<Problem> backwardProblems(Schema writer, Schema reader) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(new Problem(writer.getFullName(), incompatibility.getType() + " at "
                    + readablePath(reader, incompatibility.getLocation()) + ": " + incompatibility.getMessage()));
        }
        return problems;
    }

    /**
     * Turns Avro's JSON-pointer location ({@code /fields/13/type/1}) into field names a person recognises
     * ({@code RawStory.urgency, union branch 1}); unknown segments are kept as they are.
     */
    static String readablePath(Schema root, String pointer) {
        StringBuilder path = new StringBuilder(root.getName());
        Schema current = root;
        String[] segments = pointer.split("/");
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("fields") && i + 1 < segments.length && current.getType() == Schema.Type.RECORD) {
                Schema.Field field = current.getFields().get(Integer.parseInt(segments[++i]));
                path.append('.').append(field.name());
                current = field.schema();
                if (i + 1 < segments.length && segments[i + 1].equals("type")) {
                    i++;
                }
            } else if (segment.equals("items") && current.getType() == Schema.Type.ARRAY) {
                path.append("[]");
                current = current.getElementType();
            } else if (segment.equals("values") && current.getType() == Schema.Type.MAP) {
                path.append("{}");
                current = current.getValueType();
            } else if (current.getType() == Schema.Type.UNION && segment.chars().allMatch(Character::isDigit)) {
                int branch = Integer.parseInt(segment);
                path.append(" (union branch ").append(branch).append(')');
                if (branch < current.getTypes().size()) {
                    current = current.getTypes().get(branch);
                }
            } else {
                path.append(" /").append(segment);
            }
        }
        return path.toString();
    }
}
