package io.wabridge.bench.report;

import java.util.Locale;

/** Numbers as people read them: thousands separated, at most as many decimals as they carry. */
public final class Format {

    private Format() {
    }

    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude < 0.1) {
            // Idle CPU in cores (0.0046): two decimals would print every service as 0.00 or 0.01.
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
