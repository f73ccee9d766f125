package io.wabridge.bench.report;

/**
 * One measured number.
 *
 * @param target what the issue asks for, as text ("≥ 5000"), or null
 * @param met    whether the value meets the target; null when there is none
 * @param note   how it was measured or why it is what it is; may be null
 */
public record Figure(String name, double value, String unit, String target, Boolean met, String note) {

    public static Figure info(String name, double value, String unit, String note) {
        return new Figure(name, value, unit, null, null, note);
    }

    public static Figure atLeast(String name, double value, String unit, double minimum, String note) {
        return new Figure(name, value, unit, "≥ " + Format.number(minimum), value >= minimum, note);
    }

    public static Figure atMost(String name, double value, String unit, double maximum, String note) {
        return new Figure(name, value, unit, "≤ " + Format.number(maximum), value <= maximum, note);
    }
}
