/**
 * How exports state time: an officer reads local time, not UTC, and a file handed on must say which
 * zone it means. The district works on Beijing time.
 */
export const exportTime = { timeZone: 'Asia/Shanghai', zoneLabel: '北京时间' } as const;
