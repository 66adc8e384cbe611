package io.wirewatch.tagger.match;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/** A compiled query: decides whether one sentence matches. Stateless, thread-safe. */
public abstract class Node {

    /** Whether the sentence in {@code index} matches. */
    public abstract boolean matches(SentenceIndex index);

    /**
     * Term ids of which at least one must be present for a match (the rule is only tried on sentences holding
     * one), or null when the node can match no sentence. Where there is a choice, terms for which {@code common}
     * holds (present in most sentences, such as the country marker) are avoided.
     */
    abstract int[] triggers(IntPredicate common);

    /** Whether term {@code id} alone makes the node match, whatever else the sentence holds. */
    boolean matchedBy(int id) {
        return false;
    }

    /** A choice of triggers costs its size, and much more when it holds a common term. */
    static int cost(int[] triggers, IntPredicate common) {
        int cost = triggers.length;
        for (int t : triggers) {
            if (common.test(t)) {
                cost += 1000;
            }
        }
        return cost;
    }

    /** Matches one term. */
    static final class Term extends Node {
        private final int id;

        Term(int id) {
            this.id = id;
        }

        @Override
        public boolean matches(SentenceIndex index) {
            return index.has(id);
        }

        @Override
        boolean matchedBy(int term) {
            return term == id;
        }

        @Override
        int[] triggers(IntPredicate common) {
            return new int[] {id};
        }
    }

    /**
     * Matches terms at given relative positions, with Lucene's slop: the spread of (position - offset) over the
     * chosen occurrences is at most {@code slop}, which also allows reordering at a cost of two.
     */
    static final class Phrase extends Node {
        private static final int MAX_OCCURRENCES = 64;
        private final int[] ids;
        private final int[] offsets;
        private final int slop;

        Phrase(int[] ids, int[] offsets, int slop) {
            this.ids = ids;
            this.offsets = offsets;
            this.slop = slop;
        }

        @Override
        public boolean matches(SentenceIndex index) {
            for (int id : ids) {
                if (!index.has(id)) {
                    return false;
                }
            }
            final int k = ids.length;
            final int[][] lists = new int[k][];
            final int[] sizes = new int[k];
            for (int i = 0; i < k; i++) {
                lists[i] = new int[Math.min(MAX_OCCURRENCES, index.count(ids[i]))];
                sizes[i] = index.positions(ids[i], lists[i]);
                for (int j = 0; j < sizes[i]; j++) {
                    lists[i][j] -= offsets[i];
                }
            }
            return slop == 0 ? exact(lists, sizes) : smallestSpread(lists, sizes) <= slop;
        }

        private static boolean exact(int[][] lists, int[] sizes) {
            for (int a = 0; a < sizes[0]; a++) {
                final int p = lists[0][a];
                boolean all = true;
                for (int i = 1; i < lists.length && all; i++) {
                    all = Arrays.binarySearch(lists[i], 0, sizes[i], p) >= 0;
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        /** Smallest max-min over one value from each sorted list (the classic k-pointer sweep). */
        private static int smallestSpread(int[][] lists, int[] sizes) {
            final int k = lists.length;
            final int[] ptr = new int[k];
            int best = Integer.MAX_VALUE;
            while (true) {
                int min = Integer.MAX_VALUE;
                int max = Integer.MIN_VALUE;
                int minList = 0;
                for (int i = 0; i < k; i++) {
                    final int v = lists[i][ptr[i]];
                    if (v < min) {
                        min = v;
                        minList = i;
                    }
                    if (v > max) {
                        max = v;
                    }
                }
                best = Math.min(best, max - min);
                if (++ptr[minList] >= sizes[minList]) {
                    return best;
                }
            }
        }

        @Override
        int[] triggers(IntPredicate common) {
            for (int id : ids) {
                if (!common.test(id)) {
                    return new int[] {id};
                }
            }
            return new int[] {ids[0]};
        }
    }

    /**
     * Lucene's boolean logic: all MUST, no MUST_NOT, and SHOULD as Lucene counts them. Clauses that are single terms
     * (most of a context's long word list) are kept apart as term ids and tested first, straight against the
     * index; the order of the tests does not change the answer.
     */
    static final class Bool extends Node {
        private final List<Node> must;
        private final List<Node> should;
        private final List<Node> mustNot;
        private final int minShould;
        private final int[] mustTerms;
        private final Node[] mustOther;
        private final int[] shouldTerms;
        private final Node[] shouldOther;
        private final int[] mustNotTerms;
        private final Node[] mustNotOther;

        Bool(List<Node> must, List<Node> should, List<Node> mustNot, int minShould) {
            this.must = must;
            this.should = should;
            this.mustNot = mustNot;
            this.minShould = must.isEmpty() ? Math.max(1, minShould) : minShould;
            this.mustTerms = termIds(must);
            this.mustOther = others(must);
            this.shouldTerms = termIds(should);
            this.shouldOther = others(should);
            this.mustNotTerms = termIds(mustNot);
            this.mustNotOther = others(mustNot);
        }

        private static int[] termIds(List<Node> clauses) {
            return clauses.stream().filter(n -> n instanceof Term).mapToInt(n -> ((Term) n).id).toArray();
        }

        private static Node[] others(List<Node> clauses) {
            return clauses.stream().filter(n -> !(n instanceof Term)).toArray(Node[]::new);
        }

        @Override
        public boolean matches(SentenceIndex index) {
            for (int id : mustTerms) {
                if (!index.has(id)) {
                    return false;
                }
            }
            for (Node n : mustOther) {
                if (!n.matches(index)) {
                    return false;
                }
            }
            if (minShould > 0 && !shouldMatch(index)) {
                return false;
            }
            for (int id : mustNotTerms) {
                if (index.has(id)) {
                    return false;
                }
            }
            for (Node n : mustNotOther) {
                if (n.matches(index)) {
                    return false;
                }
            }
            return true;
        }

        /** A disjunction without MUST or MUST_NOT clauses matches as soon as one of its clauses does. */
        @Override
        boolean matchedBy(int id) {
            return must.isEmpty() && mustNot.isEmpty() && minShould == 1
                    && should.stream().anyMatch(n -> n.matchedBy(id));
        }

        /** Whether at least {@code minShould} SHOULD clauses match. */
        private boolean shouldMatch(SentenceIndex index) {
            int hits = 0;
            for (int id : shouldTerms) {
                if (index.has(id) && ++hits >= minShould) {
                    return true;
                }
            }
            for (Node n : shouldOther) {
                if (n.matches(index) && ++hits >= minShould) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int[] triggers(IntPredicate common) {
            int[] best = null;
            for (Node n : must) {
                final int[] t = n.triggers(common);
                if (t == null) {
                    return null;
                }
                if (best == null || cost(t, common) < cost(best, common)) {
                    best = t;
                }
            }
            if (best != null) {
                return best;
            }
            if (minShould == 0) {
                return null;
            }
            int[] union = new int[0];
            for (Node n : should) {
                final int[] t = n.triggers(common);
                if (t != null) {
                    final int[] grown = Arrays.copyOf(union, union.length + t.length);
                    System.arraycopy(t, 0, grown, union.length, t.length);
                    union = grown;
                }
            }
            return union.length == 0 ? null : union;
        }
    }

    /** Matches nothing (a query of stop words only). */
    static final class Never extends Node {
        @Override
        public boolean matches(SentenceIndex index) {
            return false;
        }

        @Override
        int[] triggers(IntPredicate common) {
            return null;
        }
    }
}
