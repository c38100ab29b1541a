module orc.bench/echo

go 1.21
