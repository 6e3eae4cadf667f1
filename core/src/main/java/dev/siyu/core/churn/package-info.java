/**
 * Churn risk and customer value: summaries from purchases ({@link dev.siyu.core.churn.Summaries}),
 * RFM ({@link dev.siyu.core.churn.Rfm}), maximum-likelihood BG/NBD, MBG/NBD, Pareto/NBD and
 * Gamma-Gamma ({@link dev.siyu.core.churn.ChurnModels}), and per-member scores with explained
 * sleeping levels ({@link dev.siyu.core.churn.ChurnScorer}).
 *
 * <pre>{@code
 * List<Purchase> purchases = Summaries.fromOrders(orders, refunds, ZoneId.of("Asia/Shanghai"));
 * List<CustomerSummary> summaries = Summaries.summarize(purchases, asOf, PeriodUnit.WEEKS);
 * SummaryTable table = SummaryTable.of(summaries, PeriodUnit.WEEKS);
 * FitResult<ModifiedBetaGeo> fit = ChurnModels.fitModifiedBetaGeo(table, FitOptions.defaults());
 * if (fit instanceof FitResult.Fitted<ModifiedBetaGeo> fitted) {
 *     GammaGamma spend = ChurnModels.fitGammaGamma(table, FitOptions.defaults()).orElseThrow();
 *     ChurnScorer scorer = ChurnScorer.of(fitted.model(), spend, ChurnPolicy.defaults());
 *     MemberScore score = scorer.score(summaries.get(0));   // level + explanation
 *     String json = ChurnModels.toJson(fitted.model());       // store; read back nightly
 * }
 * }</pre>
 *
 * <p>Time is always in a stated {@link dev.siyu.core.churn.PeriodUnit}; probabilities, expected
 * counts and model-estimated amounts are {@code double}; convert an amount to money with a named
 * rounding mode ({@link dev.siyu.core.churn.MemberScore#clvAsMoney}). Everything here is
 * immutable and thread-safe and never reads the clock.
 */
package dev.siyu.core.churn;
