import Host

await ParagonMCPCommand.runMain()
