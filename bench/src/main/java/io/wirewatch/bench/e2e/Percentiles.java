package io.wirewatch.bench.e2e;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a sample by the nearest-rank method (p99 of 100 values is the 99th smallest). */
public record Percentiles(int count, double p50, double p90, double p99, double max) {

    public static Percentiles of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The same values sorted, for callers that want to look at the tail. */
    public static double[] sorted(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
