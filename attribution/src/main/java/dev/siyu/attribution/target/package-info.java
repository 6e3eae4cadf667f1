/** Targets split exactly down an organisation and over a month's weeks and days, with progress and forecast. */
package dev.siyu.attribution.target;
