package dev.siyu.core.churn;

import static dev.siyu.core.churn.SpecialFunctions.digamma;
import static dev.siyu.core.churn.SpecialFunctions.lnBeta;
import static dev.siyu.core.churn.SpecialFunctions.lnGamma;
import static dev.siyu.core.churn.SpecialFunctions.logistic;
import static dev.siyu.core.churn.SpecialFunctions.softplus;

import dev.siyu.core.churn.SummaryTable.Patterns;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maximum-likelihood fitting of the churn models by BFGS on log-parameters, after compressing the
 * data to weighted patterns and rescaling time so that the largest T is 1 (α and β are scaled
 * back afterwards). Stateless and thread-safe.
 */
final class Fitting {

    /** |log-parameter| beyond which a fit is reported as diverged (e^20 ≈ 4.9e8). */
    private static final double LOG_BOUND = 20.0;

    private Fitting() {
    }

    /** A model family: its parameters, likelihood and constructor. */
    abstract static class Family<M> {
        final String[] names;
        final int[] rates;

        Family(String[] names, int[] rates) {
            this.names = names;
            this.rates = rates;
        }

        /** Σ wᵢ ln Lᵢ at natural parameters p. */
        abstract double logLikelihood(double[] p, Patterns d);

        /** Σ wᵢ ln Lᵢ and its gradient with respect to the natural parameters, or NaN if not analytic. */
        double logLikelihoodAndGradient(double[] p, Patterns d, double[] gradient) {
            return Double.NaN;
        }

        boolean analyticGradient() {
            return false;
        }

        abstract M build(double[] p, PeriodUnit unit);
    }

    static <M> FitResult<M> fit(Family<M> family, Patterns data, double scale, PeriodUnit unit, FitOptions options) {
        int n = family.names.length;
        Patterns scaled = scale == 1.0 ? data : scaled(data, scale);
        double totalWeight = data.totalWeight();
        Bfgs.Objective objective = (theta, gradient) -> objective(family, scaled, totalWeight, options.penalizer(),
                theta, gradient);
        double[] start = new double[n];
        Bfgs.Result result = Bfgs.minimize(objective, start, options.gradientTolerance(), options.maxIterations(),
                LOG_BOUND);
        if (result.status() != Bfgs.Status.CONVERGED) {
            return notConverged(family, result);
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(result.x()[i]);
        }
        for (int rate : family.rates) {
            p[rate] /= scale;
        }
        double ll = family.logLikelihood(p, data);
        if (!Double.isFinite(ll)) {
            return new FitResult.NotConverged<>("NON_FINITE_LIKELIHOOD",
                    "log-likelihood must be finite at the estimate: " + ll, result.iterations());
        }
        M model = family.build(p, unit);
        Map<String, Double> errors = standardErrors(family, data, p);
        return new FitResult.Fitted<>(model, ll, errors, Math.round(totalWeight), data.size(), result.iterations());
    }

    private static <M> FitResult<M> notConverged(Family<M> family, Bfgs.Result result) {
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < family.names.length; i++) {
            at.append(i == 0 ? "" : ", ").append(family.names[i]).append('=')
                    .append(String.format(Locale.ROOT, "%.6g", Math.exp(result.x()[i])));
        }
        String reason;
        String detail;
        switch (result.status()) {
            case MAX_ITERATIONS -> {
                reason = "MAX_ITERATIONS";
                detail = "the gradient did not vanish within " + result.iterations() + " iterations; last "
                        + at + "; try a penalizer or more iterations";
            }
            case DIVERGED -> {
                reason = "PARAMETERS_DIVERGED";
                detail = "a parameter ran off to 0 or infinity (" + at + "): the data cannot identify this model; "
                        + "try a penalizer";
            }
            case NON_FINITE_START -> {
                reason = "NON_FINITE_LIKELIHOOD";
                detail = "the log-likelihood is not finite at the start (" + at + ")";
            }
            default -> {
                reason = "LINE_SEARCH_FAILED";
                detail = String.format(Locale.ROOT, "no further decrease found with gradient %.3g still above "
                        + "tolerance; last %s", Bfgs.maxAbs(result.gradient()), at);
            }
        }
        return new FitResult.NotConverged<>(reason, detail, result.iterations());
    }

    private static Patterns scaled(Patterns d, double scale) {
        double[] tx = new double[d.size()];
        double[] t = new double[d.size()];
        for (int i = 0; i < tx.length; i++) {
            tx[i] = d.tx()[i] * scale;
            t[i] = d.t()[i] * scale;
        }
        return new Patterns(d.x(), tx, t, d.m(), d.w());
    }

    /** Mean negative log-likelihood plus penalty, in log-parameters θ, with its gradient. */
    private static <M> double objective(Family<M> family, Patterns d, double totalWeight, double penalizer,
            double[] theta, double[] gradient) {
        int n = theta.length;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(theta[i]);
            if (!(p[i] > 0) || Double.isInfinite(p[i])) {
                return Double.NaN;
            }
        }
        double value;
        if (family.analyticGradient()) {
            double[] dp = new double[n];
            double ll = family.logLikelihoodAndGradient(p, d, dp);
            value = -ll / totalWeight;
            for (int i = 0; i < n; i++) {
                gradient[i] = -dp[i] * p[i] / totalWeight;
            }
        } else {
            value = -family.logLikelihood(p, d) / totalWeight;
            double h = 1e-5;
            double[] q = p.clone();
            for (int i = 0; i < n; i++) {
                q[i] = Math.exp(theta[i] + h);
                double up = -family.logLikelihood(q, d) / totalWeight;
                q[i] = Math.exp(theta[i] - h);
                double down = -family.logLikelihood(q, d) / totalWeight;
                q[i] = p[i];
                gradient[i] = (up - down) / (2 * h);
            }
        }
        for (int i = 0; i < n; i++) {
            value += penalizer * p[i] * p[i];
            gradient[i] += 2 * penalizer * p[i] * p[i];
        }
        return value;
    }

    /** Standard errors from the Hessian of −ln L in log-parameters (delta method back to p). */
    private static <M> Map<String, Double> standardErrors(Family<M> family, Patterns d, double[] p) {
        int n = p.length;
        double[] theta = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = Math.log(p[i]);
        }
        double[][] h = new double[n][n];
        if (family.analyticGradient()) {
            double step = 1e-5;
            for (int i = 0; i < n; i++) {
                double[] up = gradientInLogs(family, d, theta, i, step);
                double[] down = gradientInLogs(family, d, theta, i, -step);
                for (int j = 0; j < n; j++) {
                    h[i][j] = (up[j] - down[j]) / (2 * step);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double mean = 0.5 * (h[i][j] + h[j][i]);
                    h[i][j] = mean;
                    h[j][i] = mean;
                }
            }
        } else {
            double step = 1e-4;
            double f0 = negLl(family, d, theta, -1, 0, -1, 0);
            for (int i = 0; i < n; i++) {
                double fp = negLl(family, d, theta, i, step, -1, 0);
                double fm = negLl(family, d, theta, i, -step, -1, 0);
                h[i][i] = (fp - 2 * f0 + fm) / (step * step);
                for (int j = 0; j < i; j++) {
                    double fpp = negLl(family, d, theta, i, step, j, step);
                    double fpm = negLl(family, d, theta, i, step, j, -step);
                    double fmp = negLl(family, d, theta, i, -step, j, step);
                    double fmm = negLl(family, d, theta, i, -step, j, -step);
                    h[i][j] = (fpp - fpm - fmp + fmm) / (4 * step * step);
                    h[j][i] = h[i][j];
                }
            }
        }
        Optional<double[][]> inverse = Bfgs.invert(h);
        Map<String, Double> errors = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            double variance = inverse.isPresent() ? inverse.get()[i][i] : Double.NaN;
            errors.put(family.names[i], variance > 0 ? p[i] * Math.sqrt(variance) : Double.NaN);
        }
        return errors;
    }

    private static <M> double[] gradientInLogs(Family<M> family, Patterns d, double[] theta, int i, double step) {
        int n = theta.length;
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            p[k] = Math.exp(theta[k] + (k == i ? step : 0));
        }
        double[] dp = new double[n];
        family.logLikelihoodAndGradient(p, d, dp);
        for (int k = 0; k < n; k++) {
            dp[k] = -dp[k] * p[k];
        }
        return dp;
    }

    private static <M> double negLl(Family<M> family, Patterns d, double[] theta, int i, double di, int j, double dj) {
        double[] p = new double[theta.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(theta[k] + (k == i ? di : 0) + (k == j ? dj : 0));
        }
        return -family.logLikelihood(p, d);
    }

    // ---- families -------------------------------------------------------------------------

    static final Family<BetaGeo> BG_NBD = new Family<>(new String[] {"r", "alpha", "a", "b"}, new int[] {1}) {
        @Override
        double logLikelihood(double[] p, Patterns d) {
            return logLikelihoodAndGradient(p, d, null);
        }

        @Override
        boolean analyticGradient() {
            return true;
        }

        @Override
        double logLikelihoodAndGradient(double[] p, Patterns d, double[] gradient) {
            double r = p[0];
            double alpha = p[1];
            double a = p[2];
            double b = p[3];
            double lnGammaR = lnGamma(r);
            double lnBetaAB = lnBeta(a, b);
            double logAlpha = Math.log(alpha);
            double psiR = digamma(r);
            double psiB = digamma(b);
            double psiAB = digamma(a + b);
            double gr = 0;
            double galpha = 0;
            double ga = 0;
            double gb = 0;
            double sum = 0;
            long[] xs = d.x();
            double[] txs = d.tx();
            double[] ts = d.t();
            double[] ws = d.w();
            for (int i = 0; i < xs.length; i++) {
                long x = xs[i];
                double w = ws[i];
                double logAT = Math.log(alpha + ts[i]);
                double ll = lnGamma(r + x) - lnGammaR + r * logAlpha + lnBeta(a, b + x) - lnBetaAB - (r + x) * logAT;
                double sigma = 0;
                double logAtx = 0;
                if (x > 0) {
                    logAtx = Math.log(alpha + txs[i]);
                    double odds = Math.log(a / (b + x - 1)) + (r + x) * (logAT - logAtx);
                    ll += softplus(odds);
                    sigma = logistic(odds);
                }
                sum += w * ll;
                if (gradient != null) {
                    double psiRx = x == 0 ? psiR : digamma(r + x);
                    double psiBx = x == 0 ? psiB : digamma(b + x);
                    double psiABx = x == 0 ? psiAB : digamma(a + b + x);
                    gr += w * (psiRx - psiR + logAlpha - logAT + sigma * (logAT - logAtx));
                    galpha += w * (r / alpha - (r + x) / (alpha + ts[i])
                            + (x > 0 ? sigma * (r + x) * (1 / (alpha + ts[i]) - 1 / (alpha + txs[i])) : 0));
                    ga += w * (psiAB - psiABx + sigma / a);
                    gb += w * (psiBx - psiB + psiAB - psiABx - (x > 0 ? sigma / (b + x - 1) : 0));
                }
            }
            if (gradient != null) {
                gradient[0] = gr;
                gradient[1] = galpha;
                gradient[2] = ga;
                gradient[3] = gb;
            }
            return sum;
        }

        @Override
        BetaGeo build(double[] p, PeriodUnit unit) {
            return new BetaGeo(p[0], p[1], p[2], p[3], unit);
        }
    };

    static final Family<ModifiedBetaGeo> MBG_NBD = new Family<>(new String[] {"r", "alpha", "a", "b"},
            new int[] {1}) {
        @Override
        double logLikelihood(double[] p, Patterns d) {
            return logLikelihoodAndGradient(p, d, null);
        }

        @Override
        boolean analyticGradient() {
            return true;
        }

        @Override
        double logLikelihoodAndGradient(double[] p, Patterns d, double[] gradient) {
            double r = p[0];
            double alpha = p[1];
            double a = p[2];
            double b = p[3];
            double lnGammaR = lnGamma(r);
            double lnGammaAB = lnGamma(a + b);
            double lnGammaB = lnGamma(b);
            double logAlpha = Math.log(alpha);
            double psiR = digamma(r);
            double psiB = digamma(b);
            double psiAB = digamma(a + b);
            double gr = 0;
            double galpha = 0;
            double ga = 0;
            double gb = 0;
            double sum = 0;
            for (int i = 0; i < d.size(); i++) {
                long x = d.x()[i];
                double w = d.w()[i];
                double logAT = Math.log(alpha + d.t()[i]);
                double logAtx = Math.log(alpha + d.tx()[i]);
                double odds = Math.log(a / (b + x)) + (r + x) * (logAT - logAtx);
                sum += w * (lnGamma(r + x) - lnGammaR + r * logAlpha + lnGammaAB + lnGamma(b + x + 1) - lnGammaB
                        - lnGamma(a + b + x + 1) - (r + x) * logAT + softplus(odds));
                if (gradient != null) {
                    double sigma = logistic(odds);
                    double psiABx1 = digamma(a + b + x + 1);
                    gr += w * ((x == 0 ? 0 : digamma(r + x) - psiR) + logAlpha - logAT + sigma * (logAT - logAtx));
                    galpha += w * (r / alpha - (r + x) / (alpha + d.t()[i])
                            + sigma * (r + x) * (1 / (alpha + d.t()[i]) - 1 / (alpha + d.tx()[i])));
                    ga += w * (psiAB - psiABx1 + sigma / a);
                    gb += w * (psiAB + digamma(b + x + 1) - psiB - psiABx1 - sigma / (b + x));
                }
            }
            if (gradient != null) {
                gradient[0] = gr;
                gradient[1] = galpha;
                gradient[2] = ga;
                gradient[3] = gb;
            }
            return sum;
        }

        @Override
        ModifiedBetaGeo build(double[] p, PeriodUnit unit) {
            return new ModifiedBetaGeo(p[0], p[1], p[2], p[3], unit);
        }
    };

    static final Family<ParetoNbd> PARETO_NBD = new Family<>(new String[] {"r", "alpha", "s", "beta"},
            new int[] {1, 3}) {
        @Override
        double logLikelihood(double[] p, Patterns d) {
            ParetoNbd m = new ParetoNbd(p[0], p[1], p[2], p[3], PeriodUnit.DAYS);
            double sum = 0;
            for (int i = 0; i < d.size(); i++) {
                sum += d.w()[i] * m.logLikelihood(d.x()[i], d.tx()[i], d.t()[i]);
            }
            return sum;
        }

        @Override
        ParetoNbd build(double[] p, PeriodUnit unit) {
            return new ParetoNbd(p[0], p[1], p[2], p[3], unit);
        }
    };

    static final Family<GammaGamma> GAMMA_GAMMA = new Family<>(new String[] {"p", "q", "gamma"}, new int[] {}) {
        @Override
        double logLikelihood(double[] p, Patterns d) {
            return logLikelihoodAndGradient(p, d, null);
        }

        @Override
        boolean analyticGradient() {
            return true;
        }

        @Override
        double logLikelihoodAndGradient(double[] params, Patterns d, double[] gradient) {
            double p = params[0];
            double q = params[1];
            double gamma = params[2];
            double lnGammaQ = lnGamma(q);
            double logGamma = Math.log(gamma);
            double psiQ = digamma(q);
            double gp = 0;
            double gq = 0;
            double gg = 0;
            double sum = 0;
            for (int i = 0; i < d.size(); i++) {
                double x = d.x()[i];
                double m = d.m()[i];
                double w = d.w()[i];
                double px = p * x;
                double logM = Math.log(m);
                double logX = Math.log(x);
                double logXmG = Math.log(x * m + gamma);
                sum += w * (lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * logGamma + (px - 1) * logM + px * logX
                        - (px + q) * logXmG);
                if (gradient != null) {
                    double psiPxQ = digamma(px + q);
                    gp += w * x * (psiPxQ - digamma(px) + logM + logX - logXmG);
                    gq += w * (psiPxQ - psiQ + logGamma - logXmG);
                    gg += w * (q / gamma - (px + q) / (x * m + gamma));
                }
            }
            if (gradient != null) {
                gradient[0] = gp;
                gradient[1] = gq;
                gradient[2] = gg;
            }
            return sum;
        }

        @Override
        GammaGamma build(double[] p, PeriodUnit unit) {
            return new GammaGamma(p[0], p[1], p[2]);
        }
    };
}
