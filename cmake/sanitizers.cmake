# NVCHECK_SANITIZE: ASan + UBSan on every target; a UBSan finding fails the run.
if(NVCHECK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()
# NVCHECK_FUZZ (clang): coverage for libFuzzer on every target, with ASan and UBSan.
if(NVCHECK_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
