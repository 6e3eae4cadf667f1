package dev.siyu.core.churn;

/**
 * Log-gamma, digamma and the Gauss hypergeometric function for the buy-till-you-die models.
 * Stateless and thread-safe.
 */
final class SpecialFunctions {

    private static final double LANCZOS_G = 607.0 / 128.0;
    private static final double HALF_LOG_2_PI = 0.5 * Math.log(2.0 * Math.PI);
    private static final double[] LANCZOS = {
        0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
        -0.49191381609762019978, .33994649984811888699e-4, .46523628927048575665e-4,
        -.98374475304879564677e-4, .15808870322491248884e-3, -.21026444172410488319e-3,
        .21743961811521264320e-3, -.16431810653676389022e-3, .84418223983852743293e-4,
        -.26190838401581408670e-4, .36899182659531622704e-5,
    };
    /** Most series terms summed before {@link #log2F1} gives up and returns NaN. */
    static final int MAX_TERMS = 2_000_000;

    private SpecialFunctions() {
    }

    /** ln Γ(x) for x &gt; 0. */
    static double lnGamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x < 0.5) {
            return lnGamma(x + 1.0) - Math.log(x);
        }
        double sum = 0.0;
        for (int i = LANCZOS.length - 1; i > 0; i--) {
            sum += LANCZOS[i] / (x + i);
        }
        sum += LANCZOS[0];
        double tmp = x + LANCZOS_G + 0.5;
        return (x + 0.5) * Math.log(tmp) - tmp + HALF_LOG_2_PI + Math.log(sum / x);
    }

    /** ln B(a, b). */
    static double lnBeta(double a, double b) {
        return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
    }

    /** ψ(x), the digamma function, for x &gt; 0. */
    static double digamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        double result = 0.0;
        while (x < 10.0) {
            result -= 1.0 / x;
            x += 1.0;
        }
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return result + Math.log(x) - 0.5 * inv
                - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760))))));
    }

    /** ln(e^u + e^v) without overflow. */
    static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }

    /** ln(1 + e^u) without overflow. */
    static double softplus(double u) {
        return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
    }

    /** 1 / (1 + e^-u). */
    static double logistic(double u) {
        return u >= 0 ? 1.0 / (1.0 + Math.exp(-u)) : Math.exp(u) / (1.0 + Math.exp(u));
    }

    /**
     * ln ₂F₁(a, b; c; z) for c &gt; 0 and 0 ≤ z &lt; 1, where the function is positive. Sums the
     * power series with running rescaling (no overflow at large a, b), switching to Euler's
     * transform ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) when that series has the smaller
     * numerator parameters. Returns NaN if the series does not converge within {@link #MAX_TERMS}
     * terms or the sum is not positive.
     */
    static double log2F1(double a, double b, double c, double z) {
        if (!(c > 0) || !(z >= 0) || !(z < 1)) {
            return Double.NaN;
        }
        if (z == 0) {
            return 0.0;
        }
        double ea = c - a;
        double eb = c - b;
        if (Math.abs(ea) + Math.abs(eb) < Math.abs(a) + Math.abs(b) && z > 0.1) {
            double inner = logSeries(ea, eb, c, z);
            return inner + (c - a - b) * Math.log1p(-z);
        }
        return logSeries(a, b, c, z);
    }

    /**
     * ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1: through {@link #log2F1} when c &gt; 0, otherwise by the plain
     * power series (which may be negative; moderate parameters only). NaN when c is a
     * non-positive integer (a pole) or the series does not converge.
     */
    static double hyp2f1(double a, double b, double c, double z) {
        if (c > 0) {
            return Math.exp(log2F1(a, b, c, z));
        }
        if (!(z >= 0) || !(z < 1)) {
            return Double.NaN;
        }
        double term = 1.0;
        double sum = 1.0;
        for (int n = 0; n < MAX_TERMS; n++) {
            if (c + n == 0) {
                return Double.NaN;
            }
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            term *= ratio;
            sum += term;
            if (!Double.isFinite(sum)) {
                return Double.NaN;
            }
            if (term == 0.0 || (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs(ratio) < 1.0 && c + n > 0)) {
                return sum;
            }
        }
        return Double.NaN;
    }

    private static double logSeries(double a, double b, double c, double z) {
        double logScale = 0.0;
        double term = 1.0;
        double sum = 1.0;
        for (int n = 0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            term *= ratio;
            sum += term;
            if (Math.abs(sum) > 1e250) {
                sum *= 1e-250;
                term *= 1e-250;
                logScale += 250.0 * Math.log(10.0);
            }
            if (term == 0.0 || (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs(ratio) < 1.0)) {
                return sum > 0 ? Math.log(sum) + logScale : Double.NaN;
            }
        }
        return Double.NaN;
    }
}
