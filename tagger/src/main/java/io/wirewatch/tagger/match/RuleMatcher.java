package io.wirewatch.tagger.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A set of compiled queries matched against one sentence at a time. Each query is tried only on sentences that
 * hold one of its trigger terms, so the cost grows with the terms a sentence shares with the rules, not with the
 * number of rules. Thread-safe once built.
 */
public final class RuleMatcher {

    private final Node[] nodes;
    private final int[][] rulesByTerm;
    /**
     * Parallel to {@code rulesByTerm}: whether the term alone makes the rule match (one word of a context's list),
     * so the rule need not be evaluated when that term is what brings it up.
     */
    private final boolean[][] matchedByTerm;

    private RuleMatcher(Node[] nodes, int[][] rulesByTerm) {
        this.nodes = nodes;
        this.rulesByTerm = rulesByTerm;
        this.matchedByTerm = new boolean[rulesByTerm.length][];
        for (int t = 0; t < rulesByTerm.length; t++) {
            matchedByTerm[t] = new boolean[rulesByTerm[t].length];
            for (int i = 0; i < rulesByTerm[t].length; i++) {
                matchedByTerm[t][i] = nodes[rulesByTerm[t][i]].matchedBy(t);
            }
        }
    }

    /** Builds the matcher for {@code nodes} (rule i is nodes.get(i)) over a frozen dictionary. */
    public static RuleMatcher of(List<Node> nodes, TermDictionary dictionary) {
        return of(nodes, dictionary, id -> false);
    }

    /**
     * Builds the matcher, choosing triggers that avoid the {@code common} terms (such as the country marker, in
     * almost every sentence) where a rule allows.
     */
    public static RuleMatcher of(List<Node> nodes, TermDictionary dictionary, IntPredicate common) {
        final List<List<Integer>> byTerm = new ArrayList<>();
        for (int i = 0; i < dictionary.size(); i++) {
            byTerm.add(new ArrayList<>());
        }
        for (int r = 0; r < nodes.size(); r++) {
            final int[] triggers = nodes.get(r).triggers(common);
            if (triggers == null) {
                continue;
            }
            for (int t : Arrays.stream(triggers).distinct().toArray()) {
                byTerm.get(t).add(r);
            }
        }
        final int[][] rules = new int[byTerm.size()][];
        for (int t = 0; t < rules.length; t++) {
            rules[t] = byTerm.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        return new RuleMatcher(nodes.toArray(new Node[0]), rules);
    }

    public int size() {
        return nodes.length;
    }

    /**
     * Matches the sentence in {@code index}; sets {@code matched[r]} for each rule r that matches (the array is
     * cleared first). {@code tried} is scratch of the same length.
     */
    public void match(SentenceIndex index, boolean[] matched, boolean[] tried) {
        Arrays.fill(matched, false);
        Arrays.fill(tried, false);
        for (int i = 0; i < index.presentCount(); i++) {
            final int term = index.presentId(i);
            final int[] rules = rulesByTerm[term];
            for (int k = 0; k < rules.length; k++) {
                final int r = rules[k];
                if (!tried[r]) {
                    tried[r] = true;
                    matched[r] = matchedByTerm[term][k] || nodes[r].matches(index);
                }
            }
        }
    }
}
