package dev.siyu.core.churn;

import java.util.Arrays;

/**
 * A small BFGS minimizer with a backtracking (Armijo) line search, for the few unconstrained
 * log-parameters of the churn models. Never throws for a bad objective: a non-finite value is
 * treated as "outside the domain" by the line search, and failure is reported in the result.
 * Stateless; each call is independent.
 */
final class Bfgs {

    /** The function to minimize: returns f(x) and writes ∇f(x) into {@code gradient}. */
    @FunctionalInterface
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** How a minimization ended. */
    enum Status { CONVERGED, MAX_ITERATIONS, LINE_SEARCH_FAILED, NON_FINITE_START, DIVERGED }

    record Result(double[] x, double value, double[] gradient, int iterations, int evaluations, Status status) {
    }

    private Bfgs() {
    }

    /**
     * Minimizes {@code f} from {@code start}.
     *
     * @param gradientTolerance stop when every |∂f/∂xᵢ| is below this
     * @param maxIterations at most this many BFGS steps
     * @param bound stop with {@link Status#DIVERGED} when some |xᵢ| exceeds this
     */
    static Result minimize(Objective f, double[] start, double gradientTolerance, int maxIterations, double bound) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, g, 0, evaluations, Status.NON_FINITE_START);
        }
        double[][] h = identity(n);
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] p = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        int stalls = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            if (maxAbs(g) < gradientTolerance) {
                return new Result(x, fx, g, iter, evaluations, Status.CONVERGED);
            }
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum -= h[i][j] * g[j];
                }
                p[i] = sum;
            }
            double slope = dot(p, g);
            if (!(slope < 0)) {
                // not a descent direction: restart from steepest descent
                h = identity(n);
                for (int i = 0; i < n; i++) {
                    p[i] = -g[i];
                }
                slope = dot(p, g);
            }
            double step = 1.0;
            double pMax = maxAbs(p);
            if (pMax > 2.0) {
                step = 2.0 / pMax; // at most a factor e² per step on any log-parameter
            }
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * p[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                evaluations++;
                if (Double.isFinite(fNew) && allFinite(gNew) && fNew <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                // no decrease possible along p: at a minimum within rounding, or stuck
                Status status = maxAbs(g) < Math.sqrt(gradientTolerance) ? Status.CONVERGED : Status.LINE_SEARCH_FAILED;
                return new Result(x, fx, g, iter, evaluations, status);
            }
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                updateInverseHessian(h, s, y, sy);
            }
            double improvement = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (maxAbs(x) > bound) {
                return new Result(x, fx, g, iter + 1, evaluations, Status.DIVERGED);
            }
            stalls = improvement <= 1e-15 * Math.max(1.0, Math.abs(fx)) ? stalls + 1 : 0;
            if (stalls >= 3) {
                Status status = maxAbs(g) < Math.sqrt(gradientTolerance) ? Status.CONVERGED : Status.LINE_SEARCH_FAILED;
                return new Result(x, fx, g, iter + 1, evaluations, status);
            }
        }
        Status status = maxAbs(g) < gradientTolerance ? Status.CONVERGED : Status.MAX_ITERATIONS;
        return new Result(x, fx, g, maxIterations, evaluations, status);
    }

    private static void updateInverseHessian(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += h[i][j] * y[j];
            }
            hy[i] = sum;
        }
        double yhy = dot(y, hy);
        double rho = 1.0 / sy;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += (1.0 + yhy * rho) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1.0;
        }
        return h;
    }

    static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double d : v) {
            max = Math.max(max, Math.abs(d));
        }
        return max;
    }

    static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /** The inverse of a symmetric positive-definite matrix by Gauss-Jordan, or empty if singular. */
    static java.util.Optional<double[][]> invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1.0;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(a[pivot][col]) > 1e-300)) {
                return java.util.Optional.empty();
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double div = a[col][col];
            for (int j = 0; j < 2 * n; j++) {
                a[col][j] /= div;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double factor = a[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= factor * a[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[n][];
        for (int i = 0; i < n; i++) {
            inv[i] = Arrays.copyOfRange(a[i], n, 2 * n);
        }
        return java.util.Optional.of(inv);
    }
}
