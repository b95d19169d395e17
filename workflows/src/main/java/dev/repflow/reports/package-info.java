/** Run reports: the HTML page and data every run writes to S3 last, and its headline metrics. */
package dev.repflow.reports;
