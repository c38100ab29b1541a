export declare function main(argv: string[]): Promise<number>;
//# sourceMappingURL=main.d.ts.map